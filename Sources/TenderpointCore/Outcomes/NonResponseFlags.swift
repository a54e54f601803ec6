/// The stopping rules of DOMAIN.md §3 that the system flags for the clinician, read from a
/// patient's cycles.
///
/// How the rules are read:
/// - Cycles are taken in session-date order. A cycle is *evaluated* when its week-3 responder
///   status is known; `responder` decides, not the percentage.
/// - **Primary non-response**: the first 2 adequately dosed cycles (cycles below the clinic's
///   adequate dose are passed over) were both evaluated and neither responded, and no cycle,
///   at any dose, ever responded (a patient who has responded is not a primary non-responder).
/// - **Possible secondary non-response**: trailing cycles not yet evaluated (a session awaiting
///   its week-3 review) are set aside; the last 2 remaining cycles must both be evaluated
///   non-responders of the same product, and an earlier cycle of that product must have
///   responded at a dose no higher than either of them. Units of different products are never
///   compared, so a switch of product between those cycles raises no flag.
public struct NonResponseFlags: Hashable, Codable, Sendable {
    /// Every cycle, oldest first, with its dose adequacy and short intervals marked.
    public let history: [CycleHistoryEntry]
    public let primary: PrimaryNonResponse?
    public let possibleSecondary: PossibleSecondaryNonResponse?

    public static func evaluate(cycles: [CycleOutcome], adequateDose: DoseAdequacy) -> NonResponseFlags {
        let ordered = cycles.enumerated().sorted { ($0.element.sessionDate, $0.offset) < ($1.element.sessionDate, $1.offset) }
        let history = ordered.map { CycleHistoryEntry(cycle: $0.element, adequateDose: adequateDose.isAdequate($0.element)) }
        return NonResponseFlags(history: history, primary: primary(in: history),
                                possibleSecondary: possibleSecondary(in: history))
    }

    /// `evaluate` with an adequate dose of at least the given units of each product.
    public static func evaluate(cycles: [CycleOutcome],
                                minimumAdequateUnits: [ToxinProduct: Units]) -> NonResponseFlags {
        evaluate(cycles: cycles, adequateDose: .minimumUnits(minimumAdequateUnits))
    }

    private static func primary(in history: [CycleHistoryEntry]) -> PrimaryNonResponse? {
        guard !history.contains(where: { $0.cycle.responder == true }) else { return nil }
        let firstAdequate = Array(history.filter(\.adequateDose).prefix(2))
        guard firstAdequate.count == 2, firstAdequate.allSatisfy({ $0.cycle.responder == false }) else { return nil }
        return PrimaryNonResponse(cycles: firstAdequate)
    }

    private static func possibleSecondary(in history: [CycleHistoryEntry]) -> PossibleSecondaryNonResponse? {
        guard let lastEvaluated = history.lastIndex(where: { $0.cycle.responder != nil }), lastEvaluated >= 2 else {
            return nil
        }
        let last = Array(history[(lastEvaluated - 1)...lastEvaluated])
        let product = last[1].cycle.product
        guard last.allSatisfy({ $0.cycle.responder == false && $0.cycle.product == product }) else { return nil }
        let lowestRecentDose = min(last[0].cycle.totalUnits, last[1].cycle.totalUnits)
        guard let earlier = history[..<(lastEvaluated - 1)].last(where: {
            $0.cycle.responder == true && $0.cycle.product == product && $0.cycle.totalUnits <= lowestRecentDose
        }) else { return nil }
        return PossibleSecondaryNonResponse(earlierResponse: earlier, nonResponding: last, history: history)
    }
}
