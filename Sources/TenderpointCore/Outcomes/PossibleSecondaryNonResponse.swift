/// Possible secondary non-response: a responder in an earlier cycle who did not respond in the
/// last 2 consecutive cycles at a dose at least as high, in the same product's units (DOMAIN.md
/// §3). It says "possible" and names no cause: loss of effect has many (disease fluctuation,
/// regression to the mean). It carries the dose and interval history, short intervals marked.
public struct PossibleSecondaryNonResponse: Hashable, Codable, Sendable {
    public let product: ToxinProduct
    /// The latest earlier cycle that responded at a dose no higher than the last two.
    public let earlierResponse: CycleHistoryEntry
    /// The last two evaluated cycles, oldest first.
    public let nonResponding: [CycleHistoryEntry]
    /// Every cycle whose interval since the previous session was under 84 days.
    public let shortIntervals: [CycleHistoryEntry]
    /// Every cycle, oldest first.
    public let history: [CycleHistoryEntry]
    public let message: String

    public init(earlierResponse: CycleHistoryEntry, nonResponding: [CycleHistoryEntry], history: [CycleHistoryEntry]) {
        product = earlierResponse.cycle.product
        self.earlierResponse = earlierResponse
        self.nonResponding = nonResponding
        self.history = history
        shortIntervals = history.filter(\.shortInterval)
        let earlier = earlierResponse.cycle
        let recent = nonResponding.map { "\($0.cycle.sessionDate): \($0.cycle.totalUnits)" }.joined(separator: "; ")
        var text = "Possible secondary non-response: a response at week 3 after \(earlier.dose) on \(earlier.sessionDate), "
            + "but none in the last \(nonResponding.count) consecutive cycles at the same or a higher dose of "
            + "\(earlier.product.rawValue) (\(recent)). Loss of effect has many causes, such as disease fluctuation "
            + "and regression to the mean; the clinician decides."
        if !shortIntervals.isEmpty {
            let listed = shortIntervals.map { entry in
                "\(entry.cycle.sessionDate) (\(entry.cycle.intervalDaysSincePrevious ?? 0) days)"
            }.joined(separator: ", ")
            text += " Intervals shorter than \(ReinjectionWindow.minimumIntervalDays) days, a risk factor: \(listed)."
        }
        message = text
    }
}
