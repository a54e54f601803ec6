import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer

/// The SVG charts as text, with coordinates worked out by hand. A 400 × 300 chart plots in
/// x 56 … 384 and y 28 … 256 (margins 56, 16, 28, 44).
@Suite struct OutcomeChartTests {
    private static func estimate(times: [Double], survival: [Double], lower: [Double], upper: [Double],
                                 median: Double?, ci: MedianInterval) -> OutcomeDTO.KaplanMeier {
        OutcomeDTO.KaplanMeier(KaplanMeierEstimate(
            subjects: 4, times: times, survival: survival, atRisk: times.map { _ in 4 }, events: times.map { _ in 1 },
            lowerBand: lower, upperBand: upper, median: median, medianInterval: ci, z: Proportion.z95))
    }

    @Test func kaplanMeierSteps() {
        // Days 0 … 112 over 328 px: day 28 at 138, day 56 at 220, day 84 at 302. S over 228 px:
        // 1 at 28, 0.75 at 85, 0.5 at 142, 0.375 at 170.5, 0.25 at 199.
        let km = Self.estimate(times: [28, 84], survival: [0.75, 0.375], lower: [0.5, 0.25], upper: [0.9, 0.5],
                               median: 84, ci: MedianInterval(lower: 28, upper: nil))
        let frame = ChartFrame(width: 400, height: 300, xRange: 0...112, yRange: 0...1)
        #expect(KaplanMeierChart.stepPath(km.times, km.survival, frame: frame) == "M56.0 28.0 H138.0 V85.0 H302.0 V170.5")
        // The band: the upper steps forward (0.9 at 50.8, 0.5 at 142), the lower back (0.25, 0.5, 1).
        #expect(KaplanMeierChart.bandPath(km, frame: frame)
                == "M56.0 28.0 H138.0 V50.8 H302.0 V142.0 V199.0 H302.0 V142.0 H138.0 V28.0 H56.0 Z")

        let svg = KaplanMeierChart.svg(km, width: 400, height: 300)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart kaplan-meier\" width=\"400.0\" height=\"300.0\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("<path class=\"survival\" d=\"M56.0 28.0 H138.0 V85.0 H302.0 V170.5\"/>"))
        #expect(svg.contains("<line class=\"median\" x1=\"302.0\" y1=\"142.0\" x2=\"302.0\" y2=\"256.0\"/>"))
        #expect(svg.contains("median 84 days (95% CI 28–not reached)"))
        #expect(svg.contains("observed in this clinic (uncontrolled)"))
        #expect(svg.contains("4 responding sessions: 2 wear-offs, 2 censored."))
        // Ticks every 4 weeks to day 112.
        for (day, x) in [(0, "56.0"), (28, "138.0"), (56, "220.0"), (84, "302.0"), (112, "384.0")] {
            #expect(svg.contains("<text class=\"tick-label\" x=\"\(x)\" y=\"272.0\" text-anchor=\"middle\">\(day)</text>"))
        }
    }

    @Test func kaplanMeierWithoutWearOffsSaysSo() {
        let km = Self.estimate(times: [], survival: [], lower: [], upper: [], median: nil, ci: MedianInterval(lower: nil, upper: nil))
        let svg = KaplanMeierChart.svg(km, width: 400, height: 300)
        #expect(svg.contains("No wear-off observed yet (4 responding sessions)"))
        #expect(!svg.contains("class=\"survival\""))
        #expect(!svg.contains("class=\"median\""))
    }

    @Test func aLongerFollowUpWidensTheAxisByWholeFourWeekSteps() {
        let km = Self.estimate(times: [130], survival: [0.5], lower: [0.1], upper: [0.9], median: 130,
                               ci: MedianInterval(lower: 130, upper: nil))
        // Up to day 140 (5 × 28): day 130 at 56 + 130/140 × 328 = 360.6.
        #expect(KaplanMeierChart.svg(km, width: 400, height: 300).contains("d=\"M56.0 28.0 H360.6 V142.0\""))
    }

    @Test func responderBarsWithWhiskers() {
        // Four slots of 92 px: centres at 102, 194, 286, 378; bars 55.2 wide.
        let half = OutcomeDTO.Proportion(count: 5, n: 10)
        let none = OutcomeDTO.Proportion(count: 0, n: 0)
        let responders = OutcomeDTO.Responders(
            week3: OutcomeDTO.ResponderRates(evaluated: 10, atLeast30: half, atLeast50: OutcomeDTO.Proportion(count: 0, n: 10)),
            week12: OutcomeDTO.ResponderRates(evaluated: 0, atLeast30: none, atLeast50: none))
        let svg = ResponderChart.svg(responders, width: 440, height: 300)
        // 50 %: from y 142 down to the axis at 256.
        #expect(svg.contains("<rect class=\"bar\" x=\"74.4\" y=\"142.0\" width=\"55.2\" height=\"114.0\"/>"))
        // The whisker runs between the Wilson limits, with caps a quarter of the bar wide.
        let low = 256 - half.ci95[0]! * 228, high = 256 - half.ci95[1]! * 228
        #expect(svg.contains("<line class=\"whisker\" x1=\"102.0\" y1=\"\(SVGText.number(low))\" x2=\"102.0\" y2=\"\(SVGText.number(high))\"/>"))
        #expect(svg.contains("<line class=\"whisker\" x1=\"88.2\" y1=\"\(SVGText.number(high))\" x2=\"115.8\" y2=\"\(SVGText.number(high))\"/>"))
        #expect(svg.contains(">50% (5/10)</text>"))
        // 0 of 10 is a bar of no height, still with its interval; no denominator is "no data".
        #expect(svg.contains("<rect class=\"bar\" x=\"166.4\" y=\"256.0\" width=\"55.2\" height=\"0.0\"/>"))
        #expect(svg.contains(">0% (0/10)</text>"))
        #expect(svg.components(separatedBy: ">no data</text>").count == 3)
        #expect(svg.contains("Week 12, ≥50%"))
    }

    @Test func theSmoothedCurveBreaksAtGaps() {
        // x: day −14 … 112 over 252 px, 2 px a day from 56; y: NRS 0 … 10 over 100 px, 10 px a point up from 128.
        let frame = ChartFrame(width: 324, height: 172, xRange: -14...112, yRange: 0...10)
        let date = CalendarDate(iso: "2026-03-02")!
        let points = [(1, 8.0), (2, 7.0), (3, 6.0), (5, 5.0)].map {
            SmoothedPain(day: $0.0, date: date.adding(days: $0.0), nrs: $0.1, supportingDays: 3)
        }
        #expect(ResponseCurveChart.smoothedPath(points, frame: frame) == "M86.0 48.0 L88.0 58.0 L90.0 68.0 M94.0 78.0")
    }

    @Test func aResponseCurveWithItsMilestones() {
        // Patient A of the hand-built clinic: onset day 4, peak day 7 (−50 %), wear-off day 62.
        let record = OutcomeClinic.records(clinician: UUID(), nurse: UUID())[0]
        let curve = record.readings()[0].reading.curve
        let svg = ResponseCurveChart.svg(curve)
        #expect(svg.contains(">onset day 4</text>"))
        #expect(svg.contains(">peak day 7 (−50%)</text>"))
        #expect(svg.contains(">wear-off day 62</text>"))
        #expect(svg.contains(">baseline 8.0</text>"))
        #expect(svg.contains("<title>Pain before and after the session of 2025-01-06, observed for this patient (uncontrolled)</title>"))
        // One dot per day with data: 14 before the session and 120 after it.
        #expect(svg.components(separatedBy: "<circle class=\"daily\"").count - 1 == 134)
        #expect(ResponseCurveChart.shortfall(curve) == nil)
    }

    @Test func aCurveWithoutDataSaysWhatIsMissing() {
        let empty = ResponseCurve.fit(sessionDate: CalendarDate(iso: "2026-03-02")!, observations: [], preInjectionAssessmentNRS: nil)
        let svg = ResponseCurveChart.svg(empty)
        #expect(svg.contains("Not enough data for a baseline (0 of 14 days before the session, no pre-injection assessment)"))
        #expect(!svg.contains("class=\"smoothed\""))
        let noResponse = OutcomeClinic.records(clinician: UUID(), nurse: UUID())[1].readings()[1].reading.curve
        #expect(ResponseCurveChart.shortfall(noResponse) == "No reduction of 30% or more at the lowest point")
        let censored = OutcomeClinic.records(clinician: UUID(), nurse: UUID())[1].readings()[0].reading.curve
        #expect(ResponseCurveChart.shortfall(censored) == "Benefit not worn off by day 89, the last observed")
    }

    @Test func theNumberAtRiskUnderTheAxisAndTheChartInWords() {
        let km = Self.estimate(times: [28, 84], survival: [0.75, 0.375], lower: [0.5, 0.25], upper: [0.9, 0.5],
                               median: 84, ci: MedianInterval(lower: 28, upper: nil))
        let svg = KaplanMeierChart.svg(km, atRisk: [KaplanMeierChart.AtRisk(day: 0, count: 4), KaplanMeierChart.AtRisk(day: 56, count: 2),
                                                    KaplanMeierChart.AtRisk(day: 140, count: 1)], width: 400, height: 300)
        // 24 px taller for the row, its text centred 12 px below the chart's own 300; day 56 at x 220.
        #expect(svg.contains("width=\"400.0\" height=\"324.0\" viewBox=\"0 0 400.0 324.0\""))
        #expect(svg.contains("<text class=\"at-risk-label\" x=\"44.0\" y=\"312.0\" text-anchor=\"end\">At risk</text>"))
        #expect(svg.contains("<text class=\"at-risk\" x=\"56.0\" y=\"312.0\" text-anchor=\"middle\">4</text>"))
        #expect(svg.contains("<text class=\"at-risk\" x=\"220.0\" y=\"312.0\" text-anchor=\"middle\">2</text>"))
        // Day 140 lies beyond the axis (day 112): in the words, not in the picture.
        #expect(!svg.contains(">1</text>"))
        #expect(svg.contains("<title>\(KaplanMeierChart.title)</title><desc>4 responding sessions: 2 wear-offs observed, 2 censored. "
            + "Median duration of benefit 84 days (95% CI 28–not reached). At risk: day 0 4, day 56 2, day 140 1.</desc>"))
        // Without a row the chart keeps its size; without a median the words say so.
        #expect(KaplanMeierChart.svg(km, width: 400, height: 300).contains("height=\"300.0\" viewBox=\"0 0 400.0 300.0\""))
        let flat = Self.estimate(times: [28], survival: [0.75], lower: [0.5], upper: [0.9], median: nil, ci: MedianInterval(lower: nil, upper: nil))
        #expect(KaplanMeierChart.description(flat) == "4 responding sessions: 1 wear-off observed, 3 censored. "
            + "Median not reached: the curve never falls to 50%.")
    }

    @Test func theRespondersAndACurveInWords() {
        let responders = OutcomeDTO.Responders(
            week3: OutcomeDTO.ResponderRates(evaluated: 10, atLeast30: OutcomeDTO.Proportion(count: 5, n: 10),
                                             atLeast50: OutcomeDTO.Proportion(count: 0, n: 10)),
            week12: OutcomeDTO.ResponderRates(evaluated: 0, atLeast30: OutcomeDTO.Proportion(count: 0, n: 0),
                                              atLeast50: OutcomeDTO.Proportion(count: 0, n: 0)))
        // Wilson 95 % for 5/10: 0.5 ± 1.96 × √(0.025 + 0.0096) ÷ 1.3841 = 0.237 … 0.763.
        #expect(ResponderChart.svg(responders).contains("<desc>Week 3, ≥30%: 50% (5 of 10, 95% CI 24%–76%); "
            + "Week 3, ≥50%: 0% (0 of 10, 95% CI 0%–28%); Week 12, ≥30%: no data; Week 12, ≥50%: no data.</desc>"))
        let curve = OutcomeClinic.records(clinician: UUID(), nurse: UUID())[0].readings()[0].reading.curve
        #expect(ResponseCurveChart.description(curve) == "Baseline pain 8.0. Onset day 4 (smoothed pain 6.4), peak day 7 "
            + "(smoothed pain 4.0, −50%), wear-off day 62 (smoothed pain 7.2). 134 days with a pain score are plotted.")
        let empty = ResponseCurve.fit(sessionDate: CalendarDate(iso: "2026-03-02")!, observations: [], preInjectionAssessmentNRS: nil)
        #expect(ResponseCurveChart.description(empty) == "Not enough data for a baseline (0 of 14 days before the session, "
            + "no pre-injection assessment). 0 days with a pain score are plotted.")
    }

    @Test func textIsEscaped() {
        #expect(SVGText.escaped("<script>alert(1)</script> & \"x\" 'y'")
                == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;")
        #expect(SVGText.number(-0.04) == "0.0")
        #expect(SVGText.number(12.34) == "12.3")
        #expect(SVGText.percent(0.425) == "43%")
        #expect(SVGText.percent(nil) == "–")
    }
}
