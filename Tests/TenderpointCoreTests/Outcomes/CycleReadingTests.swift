import Testing
@testable import TenderpointCore

/// Cycles read by hand. Day N is the session (2026-03-02, a Monday) plus N days.
@Suite struct CycleReadingTests {
    private static let session = CalendarDate(iso: "2026-03-02")!

    private static func on(_ day: Int, pain: Double? = nil, fiqr: Double? = nil) -> AssessmentScores {
        AssessmentScores(date: session.adding(days: day), painNRS: pain, fiqrTotal: fiqr)
    }

    private static func diary(_ days: some Sequence<Int>, _ pain: Double) -> [PainObservation] {
        days.map { PainObservation(date: session.adding(days: $0), nrs: pain, source: .diary) }
    }

    @Test func reviewsWithoutADiary() {
        // The assessment on the session day is the pre-injection one (day −20 is older); the
        // week-3 review is the assessment nearest day 21: day 22 beats day 19.
        let reading = CycleReading.read(
            sessionDate: Self.session, nextSessionDate: nil, diary: [],
            assessments: [Self.on(-20, pain: 8, fiqr: 60), Self.on(0, pain: 7, fiqr: 55),
                          Self.on(19, pain: 5), Self.on(22, pain: 4, fiqr: 40)])
        #expect(reading.curve.baseline == .preInjectionAssessment(nrs: 7, daysWithData: 0))
        #expect(reading.preInjectionNRS == ReviewScore(value: 7, day: 0, date: Self.session, source: .assessment))
        #expect(reading.week3NRS == ReviewScore(value: 4, day: 22, date: Self.session.adding(days: 22), source: .assessment))
        #expect(reading.week12NRS == nil)
        #expect(reading.preInjectionFIQR?.value == 55)
        #expect(reading.week3FIQR?.value == 40)
        #expect(reading.week12FIQR == nil)
        // (7 − 4) ÷ 7 = 42.9 %: a responder at 30 %, not at 50 %.
        #expect(reading.week3Response?.atLeast30 == true)
        #expect(reading.week3Response?.atLeast50 == false)
        #expect(reading.week12Response == nil)
    }

    @Test func equallyNearReviewsTakeTheEarlierAndWindowsHaveEdges() {
        let reading = CycleReading.read(
            sessionDate: Self.session, nextSessionDate: nil, diary: [],
            assessments: [Self.on(-43, pain: 9), Self.on(-42, pain: 8), Self.on(22, pain: 6), Self.on(20, pain: 5),
                          Self.on(13, pain: 1), Self.on(36, pain: 1), Self.on(69, pain: 1), Self.on(113, pain: 1)])
        #expect(reading.preInjectionNRS?.day == -42)
        #expect(reading.week3NRS?.day == 20)
        #expect(reading.week12NRS == nil)
    }

    @Test func theNextSessionEndsTheWeek12Window() {
        // Reassessed on day 80, the day of the next session (before it): counted. Day 81 is in
        // the next cycle.
        let next = Self.session.adding(days: 80)
        let sameDay = CycleReading.read(sessionDate: Self.session, nextSessionDate: next, diary: [],
                                        assessments: [Self.on(0, pain: 6), Self.on(80, pain: 5, fiqr: 30)])
        #expect(sameDay.week12NRS?.day == 80)
        #expect(sameDay.week12FIQR?.value == 30)
        let after = CycleReading.read(sessionDate: Self.session, nextSessionDate: next, diary: [],
                                      assessments: [Self.on(0, pain: 6), Self.on(81, pain: 5)])
        #expect(after.week12NRS == nil)
    }

    @Test func withoutAReviewThePainIsTheCurvesOnThePlannedDay() {
        // Diary 6 on days −14 … −1 and 3 on days 1 … 100: a 50 % reduction read from the curve.
        let reading = CycleReading.read(sessionDate: Self.session, nextSessionDate: nil,
                                        diary: Self.diary(-14 ... -1, 6) + Self.diary(1...100, 3), assessments: [])
        #expect(reading.baselineNRS == 6)
        #expect(reading.week3NRS == ReviewScore(value: 3, day: 21, date: Self.session.adding(days: 21), source: .curve))
        #expect(reading.week12NRS?.source == .curve)
        #expect(reading.week3Response?.atLeast50 == true)
        // A gap around day 21 leaves the planned day without a value: nothing is borrowed.
        let gappy = CycleReading.read(sessionDate: Self.session, nextSessionDate: nil,
                                      diary: Self.diary(-14 ... -1, 6) + Self.diary(Array(1...15) + Array(27...100), 3),
                                      assessments: [])
        #expect(gappy.week3NRS == nil)
    }

    @Test func anAssessmentIsOneMoreScoreOnItsDay() {
        // Diary 8 on days −3 … −1 and an assessment of 5 on day −1: that day's mean is 6.5, so
        // the baseline is (8 + 8 + 6.5) ÷ 3 = 7.5.
        let reading = CycleReading.read(sessionDate: Self.session, nextSessionDate: nil,
                                        diary: Self.diary(-3 ... -1, 8), assessments: [Self.on(-1, pain: 5)])
        #expect(reading.curve.baseline == .fourteenDayMean(nrs: 7.5, daysWithData: 3))
        #expect(reading.preInjectionNRS?.value == 5)
    }

    @Test func theOutcomeForTheNonResponseRules() {
        let reading = CycleReading.read(sessionDate: Self.session, nextSessionDate: nil, diary: [],
                                        assessments: [Self.on(0, pain: 10), Self.on(21, pain: 8)])
        let outcome = reading.outcome(product: .onabotulinumtoxinA, totalUnits: Units(100), intervalDaysSincePrevious: 90)
        #expect(outcome == CycleOutcome(sessionDate: Self.session, product: .onabotulinumtoxinA, totalUnits: Units(100),
                                        week3ReductionPercent: 20, responder: false, intervalDaysSincePrevious: 90))
        let unevaluated = CycleReading.read(sessionDate: Self.session, nextSessionDate: nil, diary: [], assessments: [])
            .outcome(product: .onabotulinumtoxinA, totalUnits: Units(100), intervalDaysSincePrevious: nil)
        #expect(unevaluated.responder == nil)
    }
}
