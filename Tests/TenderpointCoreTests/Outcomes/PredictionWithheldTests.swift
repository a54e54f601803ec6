import Foundation
import Testing
@testable import TenderpointCore

/// "No prediction without a response" (DOMAIN.md §3) on hand-made histories: sessions every 13
/// weeks from 2025-01-06, every dose adequate.
@Suite struct PredictionWithheldTests {
    private static let dates = ["2025-01-06", "2025-04-07", "2025-07-07", "2025-10-06"].map { CalendarDate(iso: $0)! }

    private static func cycle(_ index: Int, _ responder: Bool?) -> CycleOutcome {
        CycleOutcome(sessionDate: dates[index], product: .onabotulinumtoxinA, totalUnits: Units(100),
                     week3ReductionPercent: responder.map { $0 ? 40 : 10 }, responder: responder,
                     intervalDaysSincePrevious: index == 0 ? nil : 91)
    }

    /// The withholding for cycles whose week-3 responder status is `responders`, a response
    /// observed exactly where the responder status is true unless `observed` says otherwise.
    private static func withheld(_ responders: [Bool?], observed: [Bool]? = nil) -> PredictionWithheld? {
        let cycles = responders.enumerated().map { cycle($0.offset, $0.element) }
        let flags = NonResponseFlags.evaluate(cycles: cycles, adequateDose: DoseAdequacy { _ in true })
        return PredictionWithheld.check(responseObserved: observed ?? responders.map { $0 == true },
                                        primaryNonResponse: flags.primary)
    }

    @Test func noSessionNoReasonToWithhold() {
        #expect(Self.withheld([]) == nil)
    }

    @Test func aFirstCycleWithoutAResponseYetIsWithheld() throws {
        let first = try #require(Self.withheld([nil]))
        #expect(first.reason == .noResponseObserved)
        #expect(first.cycles == 1)
        #expect(first.message == "No response observed in 1 cycle: review whether to continue.")
        let notResponded = try #require(Self.withheld([false]))
        #expect(notResponded.reason == .noResponseObserved)
    }

    @Test func primaryNonResponseIsWithheldWithTheCyclesCounted() throws {
        let primary = try #require(Self.withheld([false, false]))
        #expect(primary.reason == .primaryNonResponse)
        #expect(primary.cycles == 2)
        #expect(primary.message == "No response observed in 2 cycles: review whether to continue.")
        let three = try #require(Self.withheld([false, false, nil]))
        #expect(three.reason == .primaryNonResponse)
        #expect(three.cycles == 3)
    }

    @Test func aResponseInAnyCycleAllowsAPrediction() {
        #expect(Self.withheld([true]) == nil)
        #expect(Self.withheld([false, true]) == nil)
        #expect(Self.withheld([true, false, false]) == nil)  // possible secondary non-response: still predicted
        #expect(Self.withheld([false, nil, true, nil]) == nil)
    }

    @Test func aResponseOnTheCurveAloneCountsAsObserved() {
        // Not evaluated at week 3, but the smoothed curve responded: a prediction may be made.
        #expect(Self.withheld([nil], observed: [true]) == nil)
        // Two week-3 non-responses raise the flag even if one curve responded: still withheld, that
        // curve's cycle not counted as without a response, the flag's own 2 cycles at least.
        let flagged = Self.withheld([false, false], observed: [true, false])
        #expect(flagged?.reason == .primaryNonResponse)
        #expect(flagged?.cycles == 2)
    }

    @Test func aReadingObservesAResponseFromTheReviewOrTheCurve() {
        let session = CalendarDate(iso: "2026-03-02")!
        func on(_ day: Int, _ pain: Double) -> AssessmentScores {
            AssessmentScores(date: session.adding(days: day), painNRS: pain, fiqrTotal: nil)
        }
        // Baseline 8 from the assessment on the session day; week 3 at 5: (8 − 5) ÷ 8 = 37.5 % ≥ 30 %.
        let responded = CycleReading.read(sessionDate: session, nextSessionDate: nil, diary: [],
                                          assessments: [on(0, 8), on(21, 5)])
        #expect(responded.responseObserved)
        // Week 3 at 6: 25 %: no response, and no diary curve.
        let notResponded = CycleReading.read(sessionDate: session, nextSessionDate: nil, diary: [],
                                             assessments: [on(0, 8), on(21, 6)])
        #expect(!notResponded.responseObserved)
        // No review at all but a diary at 4 on days 1 … 20 against a baseline of 8: the curve responded.
        let diary = (1...20).map { PainObservation(date: session.adding(days: $0), nrs: 4, source: .diary) }
        let curve = CycleReading.read(sessionDate: session, nextSessionDate: nil, diary: diary, assessments: [on(0, 8)])
        #expect(curve.curve.responded == true)
        #expect(curve.responseObserved)
    }
}
