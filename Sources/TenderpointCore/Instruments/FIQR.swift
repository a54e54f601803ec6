import Foundation

/// Scoring of the Revised Fibromyalgia Impact Questionnaire (Bennett et al., Arthritis Res Ther
/// 2009), DOMAIN.md §1.3.
public enum FIQR {
    /// The minimal clinically important improvement, in per cent, published for the original FIQ.
    public static let minimalClinicallyImportantImprovementPercent = 14
    /// Shown next to the MCID: it was derived for the FIQ, not the FIQR.
    public static let minimalClinicallyImportantDifferenceLabel = "FIQ-derived"

    /// Scores answers: function = sum of items 1–9 ÷ 3 (with exactly one missing, the sum is first
    /// scaled by 9/8), overall impact = sum of 10–11, symptoms = sum of 12–21 ÷ 2, total = their sum.
    /// Invalid when 2 or more function items, or any other item, are missing.
    public static func score(_ answers: FIQRAnswers, bands: FIQRSeverityBands = .standard) -> FIQRScore {
        let missing = FIQRItem.allCases.filter { answers[$0] == nil }
        let missingFunction = missing.filter { $0.domain == .function }
        let missingOther = missing.filter { $0.domain != .function }
        var reasons: [String] = []
        if missingFunction.count >= 2 {
            reasons.append("\(missingFunction.count) function items missing (\(numbers(missingFunction))); at most 1 may be")
        }
        if !missingOther.isEmpty {
            reasons.append("overall impact and symptom items must all be answered; missing \(numbers(missingOther))")
        }
        guard reasons.isEmpty else {
            return FIQRScore(valid: false, function: nil, overallImpact: nil, symptoms: nil, total: nil,
                             invalidReason: reasons.joined(separator: "; "), severityBand: nil)
        }
        let functionSum = sum(of: .function, in: answers)
        // One rounding each: with one item missing, sum × 9/8 ÷ 3 = sum × 9 ÷ 24.
        let function = missingFunction.isEmpty ? Double(functionSum) / 3 : Double(functionSum * 9) / 24
        let overallImpact = Double(sum(of: .overallImpact, in: answers))
        let symptoms = Double(sum(of: .symptoms, in: answers)) / 2
        let total = function + overallImpact + symptoms
        return FIQRScore(valid: true, function: function, overallImpact: overallImpact, symptoms: symptoms,
                         total: total, invalidReason: nil, severityBand: bands.band(for: total))
    }

    /// Percentage change from baseline: (value − baseline) ÷ baseline × 100, negative when the
    /// score fell (improved). Nil when the baseline is 0 or below, where no change is defined.
    public static func percentChange(from baseline: Double, to value: Double) -> Double? {
        guard baseline > 0 else { return nil }
        return (value - baseline) * 100 / baseline
    }

    /// Whether the score improved by at least the FIQ-derived MCID of 14 %; nil when the baseline
    /// is 0 or below. Compared in decimal so an improvement of exactly 14 % as entered qualifies.
    public static func meetsFIQDerivedMCID(baseline: Double, value: Double) -> Bool? {
        guard baseline > 0, let baseline = ExactDecimal.of(baseline), let value = ExactDecimal.of(value) else {
            return nil
        }
        return (baseline - value) * 100 >= Decimal(minimalClinicallyImportantImprovementPercent) * baseline
    }

    private static func sum(of domain: FIQRDomain, in answers: FIQRAnswers) -> Int {
        FIQRItem.allCases.filter { $0.domain == domain }.compactMap { answers[$0] }.reduce(0, +)
    }

    private static func numbers(_ items: [FIQRItem]) -> String {
        "item" + (items.count == 1 ? " " : "s ") + items.map { String($0.number) }.joined(separator: ", ")
    }
}
