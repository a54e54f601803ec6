/// A two-sided confidence interval for a proportion.
public struct ConfidenceInterval: Hashable, Codable, Sendable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}
