/// The duration of benefit as a Kaplan–Meier step curve with its 95 % band (shaded), the median
/// marked, and the clinic's caveat: a pure function from the report's figures to SVG text.
///
/// The curve starts at 100 % on day 0, steps down at each wear-off day and ends at the last one:
/// beyond it only censored cycles remain, and the curve is not drawn where nothing was observed.
enum KaplanMeierChart {
    static let title = "Duration of benefit after responding sessions (Kaplan–Meier, 95% band), observed in this clinic (uncontrolled)"

    /// The responding sessions still at risk (not worn off, not censored) on a day: a row under the
    /// axis, as printed under published Kaplan–Meier curves.
    struct AtRisk: Sendable, Equatable {
        let day: Int
        let count: Int
    }

    /// The height of the number-at-risk row added below the chart when there is one.
    static let atRiskRowHeight = 24.0

    static func svg(_ estimate: OutcomeDTO.KaplanMeier, atRisk: [AtRisk] = [], width: Double = 640, height: Double = 360) -> String {
        let lastTime = estimate.times.last ?? 0
        // Whole 4-week steps, at least to day 112 (the end of the 12–16-week window).
        let maximumDay = max(112, (lastTime / 28).rounded(.up) * 28)
        let frame = ChartFrame(width: width, height: height, xRange: 0...maximumDay, yRange: 0...1)
        let totalHeight = atRisk.isEmpty ? height : height + atRiskRowHeight
        var parts = [SVGText.open(width: width, height: totalHeight, title: title, description: description(estimate, atRisk: atRisk),
                                  className: "chart kaplan-meier")]
        parts.append(frame.axes(
            xTicks: Array(stride(from: 0, through: maximumDay, by: 28)), xLabel: { String(Int($0)) },
            yTicks: [0, 0.25, 0.5, 0.75, 1], yLabel: { SVGText.percent($0) },
            xTitle: "Days after the session", yTitle: "Still benefiting"))

        if estimate.times.isEmpty {
            parts.append(SVGText.text("No wear-off observed yet (\(estimate.cycles) responding sessions)",
                                      x: (frame.plotLeft + frame.plotRight) / 2, y: (frame.plotTop + frame.plotBottom) / 2,
                                      anchor: "middle", className: "empty"))
        } else {
            parts.append("<path class=\"band\" d=\"\(bandPath(estimate, frame: frame))\"/>")
            parts.append("<path class=\"survival\" d=\"\(stepPath(estimate.times, estimate.survival, frame: frame))\"/>")
            parts.append(SVGText.line(x1: frame.plotLeft, y1: frame.y(0.5), x2: frame.plotRight, y2: frame.y(0.5),
                                      className: "half"))
        }
        if let median = estimate.median {
            parts.append(SVGText.line(x1: frame.x(median), y1: frame.y(0.5), x2: frame.x(median), y2: frame.plotBottom,
                                      className: "median"))
            parts.append(SVGText.text("median \(Int(median)) days (95% CI \(limit(estimate.medianCI95.first ?? nil))–\(limit(estimate.medianCI95.last ?? nil)))",
                                      x: frame.x(median) + 4, y: frame.y(0.5) - 6, className: "median-label"))
        }
        parts.append(SVGText.text("\(estimate.cycles) responding sessions: \(estimate.wearOffs) wear-offs, \(estimate.censored) censored. Observed in this clinic (uncontrolled).",
                                  x: frame.plotRight, y: 16, anchor: "end", className: "caption"))
        if !atRisk.isEmpty {
            let y = height + atRiskRowHeight / 2
            // Right-aligned short of the axis, so it never runs into the day-0 count.
            parts.append(SVGText.text("At risk", x: frame.plotLeft - 12, y: y, anchor: "end", className: "at-risk-label"))
            for point in atRisk where Double(point.day) <= maximumDay {
                parts.append(SVGText.text(String(point.count), x: frame.x(Double(point.day)), y: y, anchor: "middle", className: "at-risk"))
            }
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// The chart in words: the counts, the median with its interval, and the number at risk.
    static func description(_ estimate: OutcomeDTO.KaplanMeier, atRisk: [AtRisk] = []) -> String {
        func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        var text = "\(counted(estimate.cycles, "responding session")): \(counted(estimate.wearOffs, "wear-off")) observed, "
            + "\(estimate.censored) censored. "
        if let median = estimate.median {
            text += "Median duration of benefit \(Int(median)) days (95% CI \(limit(estimate.medianCI95.first ?? nil))–"
                + "\(limit(estimate.medianCI95.last ?? nil)))."
        } else {
            text += "Median not reached: the curve never falls to 50%."
        }
        if !atRisk.isEmpty {
            text += " At risk: " + atRisk.map { "day \($0.day) \($0.count)" }.joined(separator: ", ") + "."
        }
        return text
    }

    /// `M x(0) y(1)`, then for each time a horizontal step to it and a vertical step to its value.
    static func stepPath(_ times: [Double], _ values: [Double], frame: ChartFrame) -> String {
        var path = "M\(SVGText.number(frame.x(0))) \(SVGText.number(frame.y(1)))"
        for (time, value) in zip(times, values) {
            path += " H\(SVGText.number(frame.x(time))) V\(SVGText.number(frame.y(value)))"
        }
        return path
    }

    /// The upper band's steps forward, the lower band's back, closed.
    static func bandPath(_ estimate: OutcomeDTO.KaplanMeier, frame: ChartFrame) -> String {
        var path = stepPath(estimate.times, estimate.upper95, frame: frame)
        var previous = estimate.lower95.last ?? 1
        path += " V\(SVGText.number(frame.y(previous)))"
        for index in estimate.times.indices.reversed() {
            previous = index > 0 ? estimate.lower95[index - 1] : 1
            path += " H\(SVGText.number(frame.x(estimate.times[index]))) V\(SVGText.number(frame.y(previous)))"
        }
        return path + " H\(SVGText.number(frame.x(0))) Z"
    }

    private static func limit(_ value: Double?) -> String {
        value.map { String(Int($0)) } ?? "not reached"
    }
}
