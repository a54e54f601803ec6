/// The examiner's finding at one ACR 1990 tender point.
public struct TenderPointFinding: Hashable, Sendable, Codable {
    /// The patient called the palpation *painful*; "tender" alone is negative.
    public var positive: Bool
    /// Optional 0–10 pain rating; recorded for the chart, never used by the count.
    public var pain: Int?

    public init(positive: Bool, pain: Int? = nil) {
        self.positive = positive
        self.pain = pain
    }
}
