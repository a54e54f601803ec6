import Foundation

/// A count of successes out of `n` with its Wilson score interval, such as a responder rate.
public struct Proportion: Hashable, Codable, Sendable {
    /// The standard normal quantile for a two-sided 95 % interval (scipy's `ndtri(0.975)`).
    public static let z95 = 1.959963984540054

    public let successes: Int
    public let n: Int
    public let rate: Double
    public let interval: ConfidenceInterval

    /// Nil when `n` is 0 (no rate exists) or `successes` is outside 0 … n.
    public init?(successes: Int, n: Int, z: Double = z95) {
        guard let interval = Self.wilsonInterval(successes: successes, n: n, z: z) else { return nil }
        self.successes = successes
        self.n = n
        self.rate = Double(successes) / Double(n)
        self.interval = interval
    }

    /// The Wilson score interval (Wilson 1927; Newcombe 1998, method 3), without continuity
    /// correction: centre (2k + z²) ÷ 2(n + z²) ± z √(4k(n − k)/n + z²) ÷ 2(n + z²). As in scipy's
    /// `binomtest(k, n).proportion_ci(method="wilson")`, the lower limit is exactly 0 when k = 0
    /// and the upper exactly 1 when k = n. Nil when n ≤ 0, k is outside 0 … n, or z is not a
    /// positive finite number.
    public static func wilsonInterval(successes k: Int, n: Int, z: Double = z95) -> ConfidenceInterval? {
        guard n > 0, (0...n).contains(k), z.isFinite, z > 0 else { return nil }
        let count = Double(n), hits = Double(k)
        let denominator = 2 * (count + z * z)
        let centre = (2 * hits + z * z) / denominator
        let halfWidth = z * (4 * hits * (count - hits) / count + z * z).squareRoot() / denominator
        return ConfidenceInterval(lower: k == 0 ? 0 : centre - halfWidth,
                                  upper: k == n ? 1 : centre + halfWidth)
    }
}
