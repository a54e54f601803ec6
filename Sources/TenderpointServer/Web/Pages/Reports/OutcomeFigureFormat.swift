import Foundation
import TenderpointCore

/// How the outcome pages write their figures: counts with thousands separators, rates and their
/// 95 % intervals to one decimal of a per cent, "–" where there is no denominator. One place, so
/// the report page and the patient section say the same number the same way.
enum OutcomeFigureFormat {
    /// "1,234".
    static func count(_ value: Int) -> String { OutcomeReportText.count(value) }

    /// "68.1%"; "–" for nil.
    static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "–" }
        return String(format: "%.1f%%", fraction * 100)
    }

    /// "64 of 94 (68.1%)"; "none evaluated" without a denominator.
    static func share(_ figure: OutcomeDTO.Proportion) -> String {
        guard figure.n > 0 else { return "none evaluated" }
        return "\(count(figure.count)) of \(count(figure.n)) (\(percent(figure.rate)))"
    }

    /// "58.1–76.6%"; "–" without a denominator.
    static func interval(_ figure: OutcomeDTO.Proportion) -> String {
        guard let low = figure.ci95.first ?? nil, let high = figure.ci95.last ?? nil else { return "–" }
        return String(format: "%.1f–%.1f%%", low * 100, high * 100)
    }

    /// A Kaplan–Meier day: "73 days"; "not reached" for nil (the curve or its band never fell to 50 %).
    static func day(_ value: Double?) -> String {
        value.map { "\(Int($0)) days" } ?? "not reached"
    }

    /// One decimal: "6.4"; "–" for nil.
    static func decimal(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "–"
    }

    /// A change with its sign: "−21.2", "+1.5"; "–" for nil.
    static func signed(_ value: Double?) -> String {
        guard let value else { return "–" }
        let text = String(format: "%.1f", abs(value))
        return text == "0.0" ? text : (value < 0 ? "−" : "+") + text
    }

    /// An NRS reduction from baseline: "−50%" when pain fell, "+12%" when it rose.
    static func reduction(_ percent: Double) -> String {
        let rounded = Int(percent.rounded())
        return rounded == 0 ? "0%" : rounded > 0 ? "−\(rounded)%" : "+\(-rounded)%"
    }
}
