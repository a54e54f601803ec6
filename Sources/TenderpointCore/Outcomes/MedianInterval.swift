/// A confidence interval for a median survival time whose limits may not exist: nil where the
/// confidence band never falls to 0.5 (lifelines reports `inf`).
public struct MedianInterval: Hashable, Codable, Sendable {
    public let lower: Double?
    public let upper: Double?

    public init(lower: Double?, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }
}
