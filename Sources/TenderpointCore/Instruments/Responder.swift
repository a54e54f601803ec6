import Foundation

/// IMMPACT responder status of a pain score against its baseline (Dworkin et al., J Pain 2008).
public struct ResponderClassification: Hashable, Sendable, Codable {
    /// (baseline − value) ÷ baseline × 100; negative when pain rose.
    public let reductionPercent: Double
    /// Reduction ≥ 30 %: moderately important, a responder.
    public let atLeast30: Bool
    /// Reduction ≥ 50 %: substantial.
    public let atLeast50: Bool

    public init(reductionPercent: Double, atLeast30: Bool, atLeast50: Bool) {
        self.reductionPercent = reductionPercent
        self.atLeast30 = atLeast30
        self.atLeast50 = atLeast50
    }

    /// Nil when the baseline is 0 or below (no responder status) or either value is not finite.
    ///
    /// The thresholds are decided on the decimals as entered, multiplied out rather than divided,
    /// so 10 → 7 and 3 → 2.1 are exactly 30 % (in binary, 3 − 2.1 falls just short of 0.9).
    public static func classify(baseline: Double, value: Double) -> ResponderClassification? {
        guard baseline > 0, let start = ExactDecimal.of(baseline), let end = ExactDecimal.of(value) else {
            return nil
        }
        let reductionTimes100 = (start - end) * 100
        return ResponderClassification(
            reductionPercent: ExactDecimal.double(reductionTimes100 / start),
            atLeast30: reductionTimes100 >= 30 * start,
            atLeast50: reductionTimes100 >= 50 * start)
    }
}
