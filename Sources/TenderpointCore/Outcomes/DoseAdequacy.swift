/// Which cycles count as adequately dosed for the primary non-response rule. Tenderpoint never
/// recommends a dose: the clinic supplies the rule.
public struct DoseAdequacy: Sendable {
    private let rule: @Sendable (CycleOutcome) -> Bool

    /// A rule of the clinic's own.
    public init(_ rule: @escaping @Sendable (CycleOutcome) -> Bool) {
        self.rule = rule
    }

    /// Adequate when the session's total reaches its product's threshold. A product with no
    /// threshold given has no adequate dose: units of another product never stand in for it.
    public static func minimumUnits(_ thresholds: [ToxinProduct: Units]) -> DoseAdequacy {
        DoseAdequacy { cycle in thresholds[cycle.product].map { cycle.totalUnits >= $0 } ?? false }
    }

    public func isAdequate(_ cycle: CycleOutcome) -> Bool { rule(cycle) }
}
