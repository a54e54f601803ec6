import Foundation
import Testing
@testable import TenderpointCore

/// Now is 2026-12-05 12:00:00 UTC; 7 days are 604,800 s.
@Suite struct DiaryDateRuleTests {
    private static let now = Date(timeIntervalSince1970: 1_796_472_000)  // 2026-12-05T12:00:00Z
    private static let day: TimeInterval = 86_400

    private static func problem(_ secondsFromNow: TimeInterval, limit: Int = 7) -> Problem? {
        DiaryDateRule.check(recordedAt: now.addingTimeInterval(secondsFromNow), now: now, maxDaysBack: limit)
    }

    @Test func theInstantIsWhatWeThinkItIs() {
        #expect(ISO8601DateFormatter().string(from: Self.now) == "2026-12-05T12:00:00Z")
    }

    @Test func exactlySevenDaysBackIsAcceptedAndAMinuteMoreIsNot() throws {
        #expect(Self.problem(-7 * Self.day) == nil)
        let refused = try #require(Self.problem(-7 * Self.day - 60))
        #expect(refused.code == .invalidDate)
        #expect(refused.field == "recordedAt")
        #expect(refused.message.contains("at most the last 7 days"))
        #expect(Self.problem(-7 * Self.day - 1) != nil)
    }

    @Test func fiveMinutesAheadIsAcceptedAndOneSecondMoreIsNot() throws {
        #expect(Self.problem(5 * 60) == nil)
        let refused = try #require(Self.problem(5 * 60 + 1))
        #expect(refused.code == .invalidDate)
        #expect(refused.message.contains("future"))
        #expect(Self.problem(0) == nil)
    }

    @Test func anEntryDated1900IsRefused() throws {
        let year1900 = try #require(ISO8601DateFormatter().date(from: "1900-01-01T00:00:00Z"))
        let refused = try #require(DiaryDateRule.check(recordedAt: year1900, now: Self.now, maxDaysBack: 30))
        #expect(refused.field == "recordedAt")
        #expect(refused.code == .invalidDate)
    }

    @Test func theLimitIsTheClinicsSetting() {
        // 30 days: 30 × 86,400 s back is the edge.
        #expect(Self.problem(-30 * Self.day, limit: 30) == nil)
        #expect(Self.problem(-30 * Self.day - 1, limit: 30) != nil)
        // 1 day.
        #expect(Self.problem(-Self.day, limit: 1) == nil)
        #expect(Self.problem(-Self.day - 1, limit: 1)?.message.contains("at most the last day") == true)
        // Out of the setting's range 0–30, the nearest end of it is used.
        #expect(Self.problem(-31 * Self.day, limit: 500) != nil)
        #expect(Self.problem(-30 * Self.day, limit: 500) == nil)
    }

    @Test func zeroDaysStillAcceptsNowWithinTheClockTolerance() {
        #expect(Self.problem(0, limit: 0) == nil)
        #expect(Self.problem(-5 * 60, limit: 0) == nil)
        #expect(Self.problem(-5 * 60 - 1, limit: 0)?.message.contains("only the present moment") == true)
        #expect(Self.problem(-5 * 60 - 1, limit: -3) != nil)  // below the range: 0
    }

    @Test func theEarliestMoment() {
        #expect(DiaryDateRule.earliest(now: Self.now, maxDaysBack: 7) == Self.now.addingTimeInterval(-604_800))
        #expect(DiaryDateRule.earliest(now: Self.now, maxDaysBack: 0) == Self.now.addingTimeInterval(-300))
    }

    @Test func aLateEntryIsMoreThanADayAfterTheMomentItDescribes() {
        let described = Self.now.addingTimeInterval(-3 * Self.day)
        #expect(DiaryDateRule.isLateEntry(recordedAt: described, enteredAt: Self.now))
        #expect(!DiaryDateRule.isLateEntry(recordedAt: Self.now.addingTimeInterval(-Self.day), enteredAt: Self.now))
        #expect(DiaryDateRule.isLateEntry(recordedAt: Self.now.addingTimeInterval(-Self.day - 1), enteredAt: Self.now))
        #expect(!DiaryDateRule.isLateEntry(recordedAt: Self.now, enteredAt: Self.now))
    }
}
