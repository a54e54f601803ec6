import Foundation
import Testing
@testable import TenderpointCore

@Suite struct PainSmoothingTests {
    private let session = CalendarDate(iso: "2026-03-02")!

    private func smooth(_ daily: [Int: Double], range: ClosedRange<Int> = 1...1000) -> [Int: SmoothedPain] {
        let points = PainSmoothing.centredMovingAverage(dailyNRS: daily, range: range, sessionDate: session)
        return Dictionary(uniqueKeysWithValues: points.map { ($0.day, $0) })
    }

    @Test func constantsAreAWeekAndThreeDays() {
        #expect(PainSmoothing.windowDays == 7)
        #expect(PainSmoothing.minimumDaysInWindow == 3)
    }

    @Test func aFullWindowDropsItsHighestAndLowestDay() throws {
        // Days 1…7 = 1…7: day 4 sees all seven; without 1 and 7: (2 + 3 + 4 + 5 + 6) ÷ 5 = 4.
        // Day 5 sees days 2…7 (six): without 2 and 7: (3 + 4 + 5 + 6) ÷ 4 = 4.5.
        let points = smooth([1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7])
        let four = try #require(points[4])
        #expect(four.nrs == 4)
        #expect(four.supportingDays == 7)
        #expect(four.date == CalendarDate(iso: "2026-03-06"))
        #expect(points[5]?.nrs == 4.5)
        #expect(points[5]?.supportingDays == 6)
    }

    @Test func threeDaysGiveTheirMedianAndTwoGiveNothing() {
        // Days 1, 3, 5 (a gap on 2 and 4): day 2 sees 1, 3, 5 → median of 6, 0, 6 is 6.
        // Day 1's window 1…4 holds only days 1 and 3: no value.
        let points = smooth([1: 6, 3: 0, 5: 6])
        #expect(points[1] == nil)
        #expect(points[2]?.nrs == 6)
        #expect(points[2]?.supportingDays == 3)
        #expect(points[3]?.nrs == 6)
    }

    @Test func aSingleOutlierDoesNotMoveTheCurve() {
        // Seven days of 4 with a 10 on day 4: the 10 is set aside, and so is one 4.
        var daily: [Int: Double] = [:]
        for day in 1...7 { daily[day] = 4 }
        daily[4] = 10
        #expect(smooth(daily).values.allSatisfy { $0.nrs == 4 })
    }

    @Test func missedDaysBetweenDataAreBridgedButTheCurveStopsAtTheData() {
        // Data on 10, 11, 12 and 20, 21, 22. Day 13's window 10…16 holds 10, 11, 12: a value;
        // day 19's window 16…22 holds 20, 21, 22: a value. Days 14…18 see at most 2 days: none.
        // Day 9 (window 6…12 holds three days) and day 23 lie outside the data: none.
        let daily: [Int: Double] = [10: 5, 11: 5, 12: 5, 20: 3, 21: 3, 22: 3]
        let points = smooth(daily)
        #expect(points[13]?.nrs == 5)
        #expect(points[19]?.nrs == 3)
        #expect(points[14] == nil)
        #expect(points[9] == nil)
        #expect(points[23] == nil)
        #expect(points.keys.sorted() == [10, 11, 12, 13, 19, 20, 21, 22])
    }

    @Test func windowsStopAtTheEdgesOfTheRange() {
        // Days 1…6 = 8 and days 7…9 = 2, range 1…6: day 6's window is 3…6, four 8s; the 2s on
        // days 7 and 8, outside the range, are never seen.
        var daily: [Int: Double] = [0: 0, -1: 0]
        for day in 1...6 { daily[day] = 8 }
        for day in 7...9 { daily[day] = 2 }
        let points = smooth(daily, range: 1...6)
        #expect(points.keys.sorted() == [1, 2, 3, 4, 5, 6])
        #expect(points.values.allSatisfy { $0.nrs == 8 })
        #expect(points[6]?.supportingDays == 4)
        #expect(points[1]?.supportingDays == 4)  // window −2…4 cut to 1…4
    }

    @Test func noDataNoCurve() {
        #expect(smooth([:]).isEmpty)
        #expect(smooth([50: 3], range: 1...10).isEmpty)
    }
}
