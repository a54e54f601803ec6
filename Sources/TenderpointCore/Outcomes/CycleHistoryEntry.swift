/// One cycle as the non-response flags show it: its dose and interval, with the interval
/// highlighted when it was shorter than the 84-day minimum (a risk factor for neutralising
/// antibodies in the literature; the flags themselves never claim them).
public struct CycleHistoryEntry: Hashable, Codable, Sendable {
    public let cycle: CycleOutcome
    public let adequateDose: Bool
    /// Interval since the previous session under `ReinjectionWindow.minimumIntervalDays`.
    public let shortInterval: Bool

    public init(cycle: CycleOutcome, adequateDose: Bool) {
        self.cycle = cycle
        self.adequateDose = adequateDose
        self.shortInterval = cycle.intervalDaysSincePrevious.map { $0 < ReinjectionWindow.minimumIntervalDays } ?? false
    }
}
