/// Primary non-response: no ≥ 30 % NRS reduction at the week-3 review in the first 2 adequately
/// dosed cycles (DOMAIN.md §3). A stopping rule the system flags; the clinician decides.
public struct PrimaryNonResponse: Hashable, Codable, Sendable {
    /// The two cycles, oldest first.
    public let cycles: [CycleHistoryEntry]
    public let message: String

    public init(cycles: [CycleHistoryEntry]) {
        self.cycles = cycles
        let listed = cycles.map { "\($0.cycle.sessionDate): \($0.cycle.dose)" }.joined(separator: "; ")
        message = "Primary non-response: no pain reduction of 30 % or more at the week-3 review in the first "
            + "\(cycles.count) adequately dosed cycles (\(listed)). The clinician decides whether to continue."
    }
}
