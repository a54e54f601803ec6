import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer

@Suite struct WebChartTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// 1–10 March: 10 days over 754 px (800 − 34 − 12), pain 0–10 over 236 px above y = 266.
    @Test func entriesSessionsFollowUpsAndWindowsAreWhereTheirDatesAre() {
        let calendar = try! ClinicCalendar(openWeekdays: Set(Weekday.allCases), closedDates: [], timeZone: TimeZone(identifier: "UTC")!,
                                           openingHours: [:])
        let session = TimelineChart.Session(date: Self.date("2026-03-03"), label: "40 U onabotulinumtoxinA",
                                            plan: FollowUpPlan(sessionDate: Self.date("2026-03-03"), calendar: calendar),
                                            window: ReinjectionWindow(after: Self.date("2026-03-03")))
        let earlier = TimelineChart.Session(date: Self.date("2025-12-10"), label: "<script>",
                                            plan: FollowUpPlan(sessionDate: Self.date("2025-12-10"), calendar: calendar),
                                            window: ReinjectionWindow(after: Self.date("2025-12-10")))
        let model = TimelineChart.Model(start: Self.date("2026-03-01"), end: Self.date("2026-03-10"), today: nil, entries: [
            .init(date: Self.date("2026-03-01"), dayFraction: 0.5, painNRS: 4),
            .init(date: Self.date("2026-03-01"), dayFraction: 0.5, painNRS: 6),
            .init(date: Self.date("2026-03-02"), dayFraction: 0.5, painNRS: 10),
        ], sessions: [earlier, session])
        let svg = TimelineChart.svg(model)

        // An entry at noon on 1 March, pain 4: x = 34 + 0.5/10 × 754 = 71.7; y = 266 − 0.4 × 236 = 171.6.
        #expect(svg.contains("<circle class=\"entry\" cx=\"71.7\" cy=\"171.6\" r=\"2.5\"/>"))
        // The daily mean of 4 and 6 is 5 (y = 148), then 10 on 2 March (x = 147.1, y = 30).
        #expect(svg.contains("<path class=\"mean\" d=\"M71.7 148L147.1 30\"/>"))
        // The session of 3 March in the middle of its day: x = 34 + 2.5/10 × 754 = 222.5.
        #expect(svg.contains("<line class=\"session\" x1=\"222.5\" x2=\"222.5\""))
        // Its day-8 call (11 March) is outside; the earlier session's window (4 March – 1 April) is
        // clipped to 4–10 March: x from 34 + 3/10 × 754 = 260.2 to the right edge 788.
        #expect(svg.contains("<rect class=\"window\" x=\"260.2\" y=\"30\" width=\"527.8\" height=\"236\">"))
        #expect(!svg.contains(">d8<"))
        #expect(svg.contains("3 diary entries on 2 days"))
        #expect(svg.contains("Session Tue 3 Mar 2026: 40 U onabotulinumtoxinA"))
        #expect(!svg.contains("<script>"))
    }

    @Test func aGapOfMoreThanAWeekBreaksTheMeanLine() {
        let model = TimelineChart.Model(start: Self.date("2026-03-01"), end: Self.date("2026-03-20"), today: nil, entries: [
            .init(date: Self.date("2026-03-01"), dayFraction: 0, painNRS: 5),
            .init(date: Self.date("2026-03-09"), dayFraction: 0, painNRS: 5),
            .init(date: Self.date("2026-03-10"), dayFraction: 0, painNRS: 5),
        ], sessions: [])
        let path = TimelineChart.svg(model).components(separatedBy: "class=\"mean\" d=\"").last?.prefix { $0 != "\"" } ?? ""
        #expect(path.filter { $0 == "M" }.count == 2)
        #expect(path.filter { $0 == "L" }.count == 1)
    }

    @Test func theBodyChartMirrorsSidesBetweenFrontAndBack() {
        // Front: the patient's right shoulder on the viewer's left (x 28); the left mirrored (120 − 28 − 24 = 68).
        #expect(BodyChart.shapes(.shoulderGirdleRight, view: .front).first?.x == 28)
        #expect(BodyChart.shapes(.shoulderGirdleLeft, view: .front).first?.x == 68)
        #expect(BodyChart.shapes(.shoulderGirdleRight, view: .back).first?.x == 68)
        #expect(BodyChart.shapes(.chest, view: .back).isEmpty)
        #expect(BodyChart.shapes(.upperBack, view: .front).isEmpty)
        // Every WPI area can be tapped in at least one view; every tender point has a place.
        #expect(WPIArea.allCases.allSatisfy { area in ChartView.allCases.contains { !BodyChart.shapes(area, view: $0).isEmpty } })
        let trapezius = BodyChart.point(TenderPointSite(.trapezius, .right))
        #expect(trapezius.view == .back)
        #expect(trapezius.x == 76)
        let svg = BodyChart.svg(view: .front, areas: [.neck])
        #expect(svg.contains("class=\"body-area is-selected\" data-area=\"neck\""))
        #expect(svg.contains("aria-hidden=\"true\""))
    }
}
