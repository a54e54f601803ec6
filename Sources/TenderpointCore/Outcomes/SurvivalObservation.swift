/// One subject's time to an event, or to censoring when the event was not seen.
public struct SurvivalObservation: Hashable, Codable, Sendable {
    /// Time from the start (days, for benefit), finite and ≥ 0.
    public let time: Double
    /// True when the event happened at `time`; false when the subject was censored there.
    public let event: Bool

    public init(time: Double, event: Bool) {
        self.time = time
        self.event = event
    }
}
