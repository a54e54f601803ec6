/// How long a responding session's benefit lasted, as a survival observation: days from the
/// session to wear-off, or to the last observed day when wear-off was not observed (censored).
public struct BenefitDuration: Hashable, Codable, Sendable {
    public let days: Int
    /// True when wear-off was observed on `days`; false when the benefit was still there on the
    /// last observed day (lost to follow-up, or re-injected before wear-off).
    public let wearOffObserved: Bool

    public init(days: Int, wearOffObserved: Bool) {
        self.days = days
        self.wearOffObserved = wearOffObserved
    }

    public var survivalObservation: SurvivalObservation {
        SurvivalObservation(time: Double(days), event: wearOffObserved)
    }
}
