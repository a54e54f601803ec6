import Foundation

/// The outcome report as plain text for the terminal (`tenderpoint report`): aligned tables,
/// rates with their 95 % intervals, the Kaplan–Meier median, and the caveat.
enum OutcomeReportText {
    static func render(_ report: OutcomeDTO.Report) -> String {
        var lines: [String] = []
        lines.append("Outcome report — \(OutcomeDTO.label)")
        lines.append("Sessions: \(describe(report.filters))")
        lines.append("")
        lines.append("\(count(report.patients)) patients, \(count(report.sessions)) sessions "
            + "(response curve: \(count(report.curves.responded)) responded, \(count(report.curves.notResponded)) did not, "
            + "\(count(report.curves.notEnoughData)) not enough data, \(count(report.curves.followUpUnderWay)) follow-up under way)")
        lines.append("")
        lines.append("Responders (IMMPACT: NRS reduction from baseline)")
        lines.append(row(["", "evaluated", "≥30% (95% CI)", "≥50% (95% CI)"], widths: [24, 10, 28, 28]))
        for (name, rates) in [("week-3 review", report.responders.week3), ("week-12 reassessment", report.responders.week12)] {
            lines.append(row(["  " + name, count(rates.evaluated), proportion(rates.atLeast30), proportion(rates.atLeast50)],
                             widths: [24, 10, 28, 28]))
        }
        lines.append("")
        let km = report.kaplanMeier
        lines.append("Duration of benefit (Kaplan–Meier, responding sessions)")
        lines.append("  \(count(km.cycles)) sessions: \(count(km.wearOffs)) wear-offs observed, \(count(km.censored)) censored "
            + "(lost to follow-up, or re-injected before wear-off)")
        let low = km.medianCI95.first ?? nil, high = km.medianCI95.last ?? nil
        lines.append("  median \(km.median.map { "\(Int($0)) days" } ?? "not reached") "
            + "(95% CI \(low.map { String(Int($0)) } ?? "not reached")–\(high.map { String(Int($0)) } ?? "not reached"))")
        lines.append("  still benefiting at day 56: \(percent(survival(km, at: 56))), day 84: \(percent(survival(km, at: 84))), "
            + "day 112: \(percent(survival(km, at: 112)))")
        lines.append("")
        lines.append("FIQR total (after − before; lower is better)")
        lines.append(row(["", "n", "before", "after", "change (SD)", "improved ≥ \(report.fiqr.week3.mcidLabel)"],
                         widths: [24, 8, 8, 8, 16, 28]))
        for (name, change) in [("week-3 review", report.fiqr.week3), ("week-12 reassessment", report.fiqr.week12)] {
            lines.append(row(["  " + name, count(change.n), decimal(change.meanBefore), decimal(change.meanAfter),
                              "\(decimal(change.meanChange)) (\(decimal(change.standardDeviation)))",
                              proportion(change.improvedByMCID)], widths: [24, 8, 8, 8, 16, 28]))
        }
        lines.append("")
        let adverse = report.adverseEvents
        lines.append("Adverse events: \(count(adverse.events)) in \(count(adverse.sessions)) sessions "
            + "(\(decimal(adverse.eventsPerSession.map { $0 * 100 })) per 100 sessions), \(count(adverse.serious)) serious; "
            + "sessions with any: \(proportion(adverse.sessionsWithAny))")
        lines.append("  by source: \(count(adverse.bySource.clinician.events)) recorded by the clinic, "
            + "\(count(adverse.bySource.patient.events)) reported by the patient; "
            + "\(count(adverse.bySeverity.notYetAssessed)) not yet assessed")
        if !adverse.byKind.isEmpty {
            lines.append(row(["  kind", "events", "sessions (95% CI)", "mild", "moderate", "severe", "unassessed", "serious", "patient"],
                             widths: [36, 8, 28, 6, 9, 7, 11, 8, 7]))
            for kind in adverse.byKind {
                lines.append(row(["  " + kind.label.prefix(34), count(kind.events), proportion(kind.sessions),
                                  String(kind.bySeverity.mild), String(kind.bySeverity.moderate), String(kind.bySeverity.severe),
                                  String(kind.bySeverity.notYetAssessed), String(kind.serious), String(kind.bySource.patient)],
                                 widths: [36, 8, 28, 6, 9, 7, 11, 8, 7]))
            }
        }
        lines.append("")
        lines.append(OutcomeDTO.caveat)
        return lines.joined(separator: "\n")
    }

    /// S(t): the value after the last wear-off on or before `day` (1 before the first).
    static func survival(_ km: OutcomeDTO.KaplanMeier, at day: Double) -> Double? {
        guard km.cycles > 0 else { return nil }
        return km.times.lastIndex { $0 <= day }.map { km.survival[$0] } ?? 1
    }

    /// `41.2% (38.1–44.3%) 160/388`; "–" without a denominator.
    static func proportion(_ figure: OutcomeDTO.Proportion) -> String {
        guard let rate = figure.rate, let low = figure.ci95.first ?? nil, let high = figure.ci95.last ?? nil else { return "–" }
        return String(format: "%.1f%% (%.1f–%.1f%%) %d/%d", rate * 100, low * 100, high * 100, figure.count, figure.n)
    }

    static func count(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    private static func decimal(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "–"
    }

    private static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.0f%%", $0 * 100) } ?? "–"
    }

    /// Columns padded to their widths; the first left-aligned, the others right-aligned.
    private static func row(_ cells: [some StringProtocol], widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let text = String(pair.0)
            let padding = String(repeating: " ", count: max(0, pair.1 - text.count))
            return index == 0 ? text + padding : padding + text
        }.joined(separator: " ")
    }

    /// The report's filters in words.
    static func describe(_ filters: OutcomeDTO.Filters) -> String {
        var parts = ["\(filters.from?.iso ?? "first") … \(filters.to?.iso ?? "latest")"]
        if let product = filters.product { parts.append(product.rawValue) }
        if filters.minUnits != nil || filters.maxUnits != nil {
            parts.append("\(filters.minUnits?.plain ?? "0")–\(filters.maxUnits?.plain ?? "any") U")
        }
        if let injector = filters.injector { parts.append("injector \(injector.uuidString)") }
        return parts.joined(separator: ", ")
    }
}
