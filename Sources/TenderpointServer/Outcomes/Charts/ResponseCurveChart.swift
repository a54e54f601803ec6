import TenderpointCore

/// One session's response curve: the daily pain (dots), the smoothed curve (a line, broken where
/// the data have gaps rather than bridged), the baseline, and the onset, peak and wear-off found
/// on it — or "not enough data" where that is the truth. A pure function from the core's
/// `ResponseCurve` to SVG text.
enum ResponseCurveChart {
    static func svg(_ curve: ResponseCurve, width: Double = 640, height: Double = 320) -> String {
        let lastDay = max(112, (curve.daily.map { $0.date.days(since: curve.sessionDate) } + curve.smoothed.map(\.day)).max() ?? 0)
        let frame = ChartFrame(width: width, height: height, xRange: -14...Double(lastDay), yRange: 0...10)
        let title = "Pain before and after the session of \(curve.sessionDate), observed for this patient (uncontrolled)"
        var parts = [SVGText.open(width: width, height: height, title: title, description: description(curve),
                                  className: "chart response-curve")]
        parts.append(frame.axes(
            xTicks: [-14] + Array(stride(from: 0, through: Double(lastDay), by: 28)), xLabel: { String(Int($0)) },
            yTicks: [0, 2, 4, 6, 8, 10], yLabel: { String(Int($0)) },
            xTitle: "Days after the session", yTitle: "Pain (NRS 0–10)"))
        parts.append(SVGText.line(x1: frame.x(0), y1: frame.plotTop, x2: frame.x(0), y2: frame.plotBottom, className: "session"))

        if let baseline = curve.baseline.nrs {
            parts.append(SVGText.line(x1: frame.plotLeft, y1: frame.y(baseline), x2: frame.plotRight, y2: frame.y(baseline),
                                      className: "baseline"))
            parts.append(SVGText.text("baseline \(decimal(baseline))", x: frame.plotRight, y: frame.y(baseline) - 4,
                                      anchor: "end", className: "baseline-label"))
        }
        for day in curve.daily {
            let offset = Double(day.date.days(since: curve.sessionDate))
            parts.append("<circle class=\"daily\" cx=\"\(SVGText.number(frame.x(offset)))\" cy=\"\(SVGText.number(frame.y(day.nrs)))\" r=\"2.5\"/>")
        }
        if !curve.smoothed.isEmpty {
            parts.append("<path class=\"smoothed\" d=\"\(smoothedPath(curve.smoothed, frame: frame))\"/>")
        }
        for (name, finding) in [("onset", curve.onset), ("peak", curve.peak), ("wear-off", curve.wearOff)] {
            guard let milestone = finding.milestone else { continue }
            let x = frame.x(Double(milestone.day)), y = frame.y(milestone.smoothedNRS)
            let reduction = name == "peak" ? milestone.reductionPercent.map { " (−\(Int($0.rounded()))%)" } ?? "" : ""
            parts.append("<circle class=\"milestone \(name)\" cx=\"\(SVGText.number(x))\" cy=\"\(SVGText.number(y))\" r=\"5\"/>")
            parts.append(SVGText.text("\(name) day \(milestone.day)\(reduction)", x: x, y: y + 18, anchor: "middle",
                                      className: "milestone-label"))
        }
        if let note = shortfall(curve) {
            parts.append(SVGText.text(note, x: (frame.plotLeft + frame.plotRight) / 2, y: frame.plotTop + 14, anchor: "middle",
                                      className: "empty"))
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// A line through the smoothed days, restarting (`M`) after any day without a value.
    static func smoothedPath(_ smoothed: [SmoothedPain], frame: ChartFrame) -> String {
        var path = ""
        var previousDay: Int?
        for point in smoothed {
            let command = previousDay.map { point.day == $0 + 1 } == true ? "L" : "M"
            path += (path.isEmpty ? "" : " ") + "\(command)\(SVGText.number(frame.x(Double(point.day)))) \(SVGText.number(frame.y(point.nrs)))"
            previousDay = point.day
        }
        return path
    }

    /// The chart in words: the baseline, the milestones found, and what is missing.
    static func description(_ curve: ResponseCurve) -> String {
        var sentences: [String] = []
        if let baseline = curve.baseline.nrs { sentences.append("Baseline pain \(decimal(baseline)).") }
        let found = [("onset", curve.onset), ("peak", curve.peak), ("wear-off", curve.wearOff)].compactMap { name, finding in
            finding.milestone.map { milestone in
                "\(name) day \(milestone.day) (smoothed pain \(decimal(milestone.smoothedNRS))"
                    + (name == "peak" ? milestone.reductionPercent.map { ", −\(Int($0.rounded()))%" } ?? "" : "") + ")"
            }
        }
        if !found.isEmpty {
            let joined = found.joined(separator: ", ")
            sentences.append(joined.prefix(1).uppercased() + joined.dropFirst() + ".")
        }
        if let note = shortfall(curve) { sentences.append(note + ".") }
        sentences.append("\(curve.daily.count) days with a pain score are plotted.")
        return sentences.joined(separator: " ")
    }

    /// What the curve cannot say, in words.
    static func shortfall(_ curve: ResponseCurve) -> String? {
        if case .notEnoughData(let days) = curve.baseline {
            return "Not enough data for a baseline (\(days) of 14 days before the session, no pre-injection assessment)"
        }
        if case .notEnoughData(_, let days) = curve.peak {
            return "Not enough data after the session (\(days) day\(days == 1 ? "" : "s") with a score on days 1–56)"
        }
        if curve.responded == false { return "No reduction of 30% or more at the lowest point" }
        if case .notObserved(let day) = curve.wearOff { return "Benefit not worn off by day \(day), the last observed" }
        return nil
    }

    private static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
