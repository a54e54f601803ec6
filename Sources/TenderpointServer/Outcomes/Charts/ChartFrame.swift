/// A chart's plotting area inside its margins, with linear scales from data to pixels (y grows
/// downwards in SVG, so the lowest value sits at the bottom).
struct ChartFrame: Sendable, Equatable {
    static let left = 56.0, right = 16.0, top = 28.0, bottom = 44.0

    let width: Double
    let height: Double
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>

    var plotLeft: Double { Self.left }
    var plotRight: Double { width - Self.right }
    var plotTop: Double { Self.top }
    var plotBottom: Double { height - Self.bottom }

    func x(_ value: Double) -> Double {
        let span = xRange.upperBound - xRange.lowerBound
        return plotLeft + (span > 0 ? (value - xRange.lowerBound) / span : 0) * (plotRight - plotLeft)
    }

    func y(_ value: Double) -> Double {
        let span = yRange.upperBound - yRange.lowerBound
        return plotBottom - (span > 0 ? (value - yRange.lowerBound) / span : 0) * (plotBottom - plotTop)
    }

    /// The two axes, ticks with their labels, and the axis titles.
    func axes(xTicks: [Double], xLabel: (Double) -> String, yTicks: [Double], yLabel: (Double) -> String,
              xTitle: String, yTitle: String) -> String {
        var parts = [
            SVGText.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, className: "axis"),
            SVGText.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, className: "axis"),
        ]
        for tick in xTicks {
            parts.append(SVGText.line(x1: x(tick), y1: plotBottom, x2: x(tick), y2: plotBottom + 4, className: "tick"))
            parts.append(SVGText.text(xLabel(tick), x: x(tick), y: plotBottom + 16, anchor: "middle", className: "tick-label"))
        }
        for tick in yTicks {
            parts.append(SVGText.line(x1: plotLeft - 4, y1: y(tick), x2: plotLeft, y2: y(tick), className: "tick"))
            parts.append(SVGText.text(yLabel(tick), x: plotLeft - 6, y: y(tick) + 4, anchor: "end", className: "tick-label"))
        }
        parts.append(SVGText.text(xTitle, x: (plotLeft + plotRight) / 2, y: height - 8, anchor: "middle", className: "axis-title"))
        parts.append(SVGText.text(yTitle, x: 8, y: plotTop - 10, className: "axis-title"))
        return parts.joined()
    }
}
