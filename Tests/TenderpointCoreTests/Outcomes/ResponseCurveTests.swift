import Foundation
import Testing
@testable import TenderpointCore

/// Curves built by hand. Day N is the session (2026-03-02) plus N days.
///
/// The clean response, baseline 8 on days −14…−1:
/// - days 1–4: 8; days 4–20 fall by 0.25 a day (day 9: 8 − 1.25 = 6.75; day 20: 4);
/// - days 20–60: 4; days 60–100 rise by 0.1 a day (day 88: 4 + 2.8 = 6.8; day 100: 8).
/// On a straight stretch a centred window is symmetric, so the trimmed mean is the day's own value.
@Suite struct ResponseCurveTests {
    private static let session = CalendarDate(iso: "2026-03-02")!

    private static func cleanPain(_ day: Int) -> Double {
        switch day {
        case ...4: 8
        case 5...20: 8 - 0.25 * Double(day - 4)
        case 21...60: 4
        default: 4 + 0.1 * Double(day - 60)
        }
    }

    private static func observations(days: some Sequence<Int>, source: PainSource = .diary,
                                     pain: (Int) -> Double) -> [PainObservation] {
        days.map { PainObservation(date: session.adding(days: $0), nrs: pain($0), source: source) }
    }

    private static func baseline(_ nrs: Double, days: some Sequence<Int> = -14 ... -1) -> [PainObservation] {
        observations(days: days) { _ in nrs }
    }

    private static func fit(_ observations: [PainObservation], assessment: Double? = nil,
                            next: CalendarDate? = nil, session: CalendarDate = session) -> ResponseCurve {
        ResponseCurve.fit(sessionDate: session, observations: observations,
                          preInjectionAssessmentNRS: assessment, nextSessionDate: next)
    }

    private func expectClose(_ value: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let value else {
            Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(value - expected) < 1e-9, "\(value) ≠ \(expected)", sourceLocation: sourceLocation)
    }

    @Test func constants() {
        #expect(ResponseCurve.peakSearchDays == 1...56)
        #expect(ResponseCurve.onsetFraction == 0.3)
        #expect(ResponseCurve.wearOffRemainingFraction == 0.3)
    }

    @Test func cleanResponse() throws {
        // Day 0 and day −15 carry a 0 that must not count; three unusable scores are left out.
        var entries = Self.baseline(8) + Self.observations(days: 1...100, pain: Self.cleanPain)
        entries += Self.observations(days: [0, -15]) { _ in 0 }
        entries += Self.observations(days: [30, 31, 32]) { [Double.nan, 11, -1][$0 - 30] }
        let curve = Self.fit(entries)

        #expect(curve.baseline == .fourteenDayMean(nrs: 8, daysWithData: 14))
        #expect(curve.unusableObservations == 3)
        #expect(curve.daily.count == 114)  // days −14…−1 and 1…100
        #expect(curve.smoothed.map(\.day) == Array(1...100))
        #expect(curve.responded == true)

        // Onset: falls of at least 0.3 × (8 − 4) = 1.2, so smoothed ≤ 6.8. Day 8's window 5…11 is
        // 7.75…6.25, trimmed 7.5…6.5, mean 7; day 9's is 7.5…6, trimmed 7.25…6.25, mean 6.75.
        let onset = try #require(curve.onset.milestone)
        #expect(onset.day == 9)
        #expect(onset.date == CalendarDate(iso: "2026-03-11"))
        expectClose(onset.smoothedNRS, 6.75)
        expectClose(onset.reductionPercent, 15.625)  // 1.25 ÷ 8
        #expect(onset.supportingDays == 7)
        #expect(onset.unobservedDaysBefore == 0)

        // Peak: day 21's window 18…24 is 4.5, 4.25, 4 × 5 → without 4.5 and one 4: 20.25 ÷ 5 =
        // 4.05; day 22's window 19…25 is 4.25, 4 × 6 → five 4s: 4, the lowest, first on day 22.
        let peak = try #require(curve.peak.milestone)
        #expect(peak.day == 22)
        expectClose(peak.smoothedNRS, 4)
        expectClose(peak.reductionPercent, 50)
        #expect(peak.supportingDays == 7)

        // Wear-off: back within 1.2 of the baseline, smoothed ≥ 6.8: day 87 is 6.7, day 88 is 6.8,
        // exactly 70 % of the 4-point improvement lost (a boundary that counts).
        let wearOff = try #require(curve.wearOff.milestone)
        #expect(wearOff.day == 88)
        expectClose(wearOff.smoothedNRS, 6.8)
        expectClose(wearOff.reductionPercent, 15)  // 1.2 ÷ 8
        #expect(wearOff.unobservedDaysBefore == 0)
        #expect(curve.benefit == BenefitDuration(days: 88, wearOffObserved: true))
        #expect(curve.benefit?.survivalObservation == SurvivalObservation(time: 88, event: true))
    }

    @Test func noisyEntriesChangeNothing() throws {
        // The clean curve with a 0 on day 3, a 10 on day 30 and a 0 on day 70, and day 40 entered
        // twice. Each noisy day is the lowest or highest of every window it is in, so it is set
        // aside. (A plain mean would have made day 1 the onset: window 1…4 = 8, 8, 0, 8 → 6 ≤ 6.8.)
        var entries = Self.baseline(8) + Self.observations(days: 1...100) { day in
            switch day {
            case 3, 70: 0
            case 30: 10
            default: Self.cleanPain(day)
            }
        }
        entries += Self.observations(days: [40], source: .assessment) { _ in 4 }
        let curve = Self.fit(entries)
        #expect(curve.onset.milestone?.day == 9)
        #expect(curve.peak.milestone?.day == 22)
        expectClose(curve.peak.milestone?.smoothedNRS, 4)
        #expect(curve.wearOff.milestone?.day == 88)
        #expect(curve.daily.first { $0.date == Self.session.adding(days: 40) }?.observationCount == 2)
    }

    @Test func sparseDiaryEveryOtherDay() throws {
        // Odd days only: windows hold 3 or 4 days (their median, or the mean of the middle two).
        // Day 1's window 1…4 holds days 1 and 3 only, so the curve starts on day 2.
        // Onset: day 9's window holds 7, 9, 11 → median 6.75 (day 8: (7.25 + 6.75) ÷ 2 = 7).
        // Peak: day 21's window holds 19, 21, 23 = 4.25, 4, 4 → median 4 (day 20: 17…23 →
        // 4.75, 4.25, 4, 4 → (4.25 + 4) ÷ 2 = 4.125).
        // Wear-off: day 88's window holds 85, 87, 89, 91 = 6.5, 6.7, 6.9, 7.1 → 6.8 (day 87: 6.7).
        let curve = Self.fit(Self.baseline(8, days: stride(from: -13, through: -1, by: 2))
            + Self.observations(days: stride(from: 1, through: 99, by: 2), pain: Self.cleanPain))
        #expect(curve.baseline == .fourteenDayMean(nrs: 8, daysWithData: 7))
        #expect(curve.smoothed.first?.day == 2)
        let onset = try #require(curve.onset.milestone)
        #expect(onset.day == 9)
        #expect(onset.supportingDays == 3)
        let peak = try #require(curve.peak.milestone)
        #expect(peak.day == 21)
        #expect(peak.supportingDays == 3)
        let wearOff = try #require(curve.wearOff.milestone)
        #expect(wearOff.day == 88)
        #expect(wearOff.supportingDays == 4)
        expectClose(wearOff.smoothedNRS, 6.8)
    }

    @Test func aGapBeforeOnsetIsReported() throws {
        // Nothing on days 5–14. Day 5's window holds 2, 3, 4 (all 8); days 6–13 see at most 2
        // days; day 14's window holds 15, 16, 17 = 5.25, 5, 4.75 → median 5, a fall of 3 ≥ 1.2.
        // So onset lies somewhere in days 6–14: day 14, with 8 unobserved days before it.
        let curve = Self.fit(Self.baseline(8)
            + Self.observations(days: Array(1...4) + Array(15...100), pain: Self.cleanPain))
        let onset = try #require(curve.onset.milestone)
        #expect(onset.day == 14)
        #expect(onset.unobservedDaysBefore == 8)
        expectClose(onset.smoothedNRS, 5)
        #expect(onset.supportingDays == 3)
        #expect(curve.peak.milestone?.day == 22)
    }

    @Test func noResponse() throws {
        // Baseline 6, then 5 every day: the lowest smoothed value is 5 from day 1 on, so the peak
        // is day 1 and its reduction 1 ÷ 6 = 16.67 % < 30 %.
        let curve = Self.fit(Self.baseline(6) + Self.observations(days: 1...60) { _ in 5 })
        #expect(curve.responded == false)
        let peak = try #require(curve.peak.milestone)
        #expect(peak.day == 1)
        expectClose(peak.reductionPercent, 100.0 / 6)
        #expect(curve.onset == .notApplicable)
        #expect(curve.wearOff == .notApplicable)
        #expect(curve.benefit == nil)
    }

    @Test func aSingleLowEntryIsNotAResponse() throws {
        // Baseline 6 and a diary every other day at 6, but 0 on day 5. A plain mean would read
        // day 5 (window 3, 5, 7) as (6 + 0 + 6) ÷ 3 = 4, a 33 % "response"; the median is 6.
        let curve = Self.fit(Self.baseline(6) + Self.observations(days: stride(from: 1, through: 59, by: 2)) {
            $0 == 5 ? 0 : 6
        })
        #expect(curve.responded == false)
        expectClose(curve.peak.milestone?.reductionPercent, 0)
        #expect(curve.peak.milestone?.day == 2)
        #expect(curve.peak.milestone?.unobservedDaysBefore == 1)
    }

    @Test func thePreInjectionAssessmentStandsInForAShortDiary() throws {
        // Two diary days before the session (not enough) and an assessment NRS of 8.
        let curve = Self.fit(Self.baseline(2, days: [-2, -1]) + Self.observations(days: 1...100, pain: Self.cleanPain),
                             assessment: 8)
        #expect(curve.baseline == .preInjectionAssessment(nrs: 8, daysWithData: 2))
        #expect(curve.onset.milestone?.day == 9)
        #expect(curve.wearOff.milestone?.day == 88)
    }

    @Test func withoutABaselineOnlyThePeakDayIsKnown() throws {
        let curve = Self.fit(Self.baseline(8, days: [-2, -1]) + Self.observations(days: 1...100, pain: Self.cleanPain))
        #expect(curve.baseline == .notEnoughData(daysWithData: 2))
        #expect(curve.responded == nil)
        let peak = try #require(curve.peak.milestone)
        #expect(peak.day == 22)
        #expect(peak.reductionPercent == nil)
        #expect(curve.onset == .notEnoughData(window: .baseline, daysWithData: 2))
        #expect(curve.wearOff == .notEnoughData(window: .baseline, daysWithData: 2))
        #expect(curve.benefit == nil)
    }

    @Test func tooLittleAfterTheSessionIsNotEnoughData() {
        // Two days in 1…56 cannot make a window of 3; days after 56 do not count for the peak.
        let curve = Self.fit(Self.baseline(8) + Self.observations(days: [1, 2] + Array(60...70)) { _ in 3 })
        #expect(curve.peak == .notEnoughData(window: .afterSession, daysWithData: 2))
        #expect(curve.onset == .notEnoughData(window: .afterSession, daysWithData: 2))
        #expect(curve.wearOff == .notEnoughData(window: .afterSession, daysWithData: 2))
        #expect(curve.responded == nil)
    }

    @Test func aBaselineOfZeroHasNoResponderStatus() throws {
        let curve = Self.fit(Self.baseline(0) + Self.observations(days: 1...30) { _ in 0 })
        #expect(curve.responded == nil)
        #expect(curve.peak.milestone?.reductionPercent == nil)
        #expect(curve.onset == .notApplicable)
        #expect(curve.wearOff == .notApplicable)
    }

    @Test func wearOffNotYetObservedIsCensoredAtTheLastObservedDay() {
        // Diary up to day 70 (smoothed 5.0 there, short of 6.8).
        let curve = Self.fit(Self.baseline(8) + Self.observations(days: 1...70, pain: Self.cleanPain))
        #expect(curve.wearOff == .notObserved(lastObservedDay: 70))
        #expect(curve.benefit == BenefitDuration(days: 70, wearOffObserved: false))
    }

    @Test func twoCycles() throws {
        // Cycle 1 as the clean curve; the next session on day 85, before its wear-off (day 88):
        // days 85 on belong to cycle 2, so cycle 1 is censored at day 84.
        // Cycle 2's baseline is cycle 1's days 71–84 = 5.1…6.4, mean 4 + 0.1 × 17.5 = 5.75; its
        // pain stays at 5 (a fall of 0.75 ÷ 5.75 = 13.04 %): no response.
        let second = Self.session.adding(days: 85)
        let entries = Self.baseline(8) + Self.observations(days: 1...84, pain: Self.cleanPain)
            + Self.observations(days: 85...150) { _ in 5 }
        let first = Self.fit(entries, next: second)
        #expect(first.peak.milestone?.day == 22)
        #expect(first.onset.milestone?.day == 9)
        #expect(first.wearOff == .notObserved(lastObservedDay: 84))
        #expect(first.benefit == BenefitDuration(days: 84, wearOffObserved: false))
        #expect(first.daily.last?.date == Self.session.adding(days: 84))

        let next = Self.fit(entries, session: second)
        expectClose(next.baseline.nrs, 5.75)
        #expect(next.baseline.daysWithData == 14)
        #expect(next.responded == false)
        expectClose(next.peak.milestone?.reductionPercent, 0.75 / 5.75 * 100)
        #expect(next.onset == .notApplicable)
    }

    @Test func aNextSessionTheDayAfterLeavesNoDaysAfter() {
        let curve = Self.fit(Self.baseline(8) + Self.observations(days: 1...30, pain: Self.cleanPain),
                             next: Self.session.adding(days: 1))
        #expect(curve.smoothed.isEmpty)
        #expect(curve.daily.count == 14)
        #expect(curve.peak == .notEnoughData(window: .afterSession, daysWithData: 0))
    }

    @Test func roundTripsThroughJSON() throws {
        let curve = Self.fit(Self.baseline(8) + Self.observations(days: 1...100, pain: Self.cleanPain))
        let data = try JSONEncoder().encode(curve)
        #expect(try JSONDecoder().decode(ResponseCurve.self, from: data) == curve)
    }
}
