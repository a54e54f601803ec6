/// Responder rates at the week-3 review and the week-12 reassessment (≥ 30 % and ≥ 50 % NRS
/// reduction, IMMPACT) as bars with their Wilson 95 % intervals as whiskers: a pure function from
/// the report's figures to SVG text.
enum ResponderChart {
    static let title = "Responder rates with 95% confidence intervals, observed in this clinic (uncontrolled)"

    static func svg(_ responders: OutcomeDTO.Responders, width: Double = 640, height: Double = 320) -> String {
        let bars: [(label: String, figure: OutcomeDTO.Proportion)] = [
            ("Week 3, ≥30%", responders.week3.atLeast30), ("Week 3, ≥50%", responders.week3.atLeast50),
            ("Week 12, ≥30%", responders.week12.atLeast30), ("Week 12, ≥50%", responders.week12.atLeast50),
        ]
        let frame = ChartFrame(width: width, height: height, xRange: 0...Double(bars.count), yRange: 0...1)
        let description = bars.map { bar in
            guard let rate = bar.figure.rate, let low = bar.figure.ci95.first ?? nil, let high = bar.figure.ci95.last ?? nil else {
                return "\(bar.label): no data"
            }
            return "\(bar.label): \(SVGText.percent(rate)) (\(bar.figure.count) of \(bar.figure.n), 95% CI "
                + "\(SVGText.percent(low))–\(SVGText.percent(high)))"
        }.joined(separator: "; ") + "."
        var parts = [SVGText.open(width: width, height: height, title: title, description: description, className: "chart responders")]
        parts.append(frame.axes(xTicks: [], xLabel: { _ in "" }, yTicks: [0, 0.25, 0.5, 0.75, 1],
                                yLabel: { SVGText.percent($0) }, xTitle: "NRS reduction from baseline at the review",
                                yTitle: "Sessions"))
        let slot = frame.x(1) - frame.x(0)
        for (index, bar) in bars.enumerated() {
            let centre = frame.x(Double(index) + 0.5)
            parts.append(SVGText.text(bar.label, x: centre, y: frame.plotBottom + 16, anchor: "middle", className: "bar-label"))
            guard let rate = bar.figure.rate, let low = bar.figure.ci95.first ?? nil, let high = bar.figure.ci95.last ?? nil else {
                parts.append(SVGText.text("no data", x: centre, y: frame.plotBottom - 6, anchor: "middle", className: "empty"))
                continue
            }
            let barWidth = slot * 0.6
            parts.append("<rect class=\"bar\" x=\"\(SVGText.number(centre - barWidth / 2))\" y=\"\(SVGText.number(frame.y(rate)))\" "
                + "width=\"\(SVGText.number(barWidth))\" height=\"\(SVGText.number(frame.plotBottom - frame.y(rate)))\"/>")
            let cap = barWidth / 4
            parts.append(SVGText.line(x1: centre, y1: frame.y(low), x2: centre, y2: frame.y(high), className: "whisker"))
            parts.append(SVGText.line(x1: centre - cap, y1: frame.y(low), x2: centre + cap, y2: frame.y(low), className: "whisker"))
            parts.append(SVGText.line(x1: centre - cap, y1: frame.y(high), x2: centre + cap, y2: frame.y(high), className: "whisker"))
            parts.append(SVGText.text("\(SVGText.percent(rate)) (\(bar.figure.count)/\(bar.figure.n))", x: centre,
                                      y: frame.y(high) - 6, anchor: "middle", className: "value"))
        }
        // Right-aligned, clear of the y-axis title in the top-left corner.
        parts.append(SVGText.text("Observed in this clinic (uncontrolled); no evidence of efficacy.", x: frame.plotRight, y: 16,
                                  anchor: "end", className: "caption"))
        parts.append("</svg>")
        return parts.joined()
    }
}
