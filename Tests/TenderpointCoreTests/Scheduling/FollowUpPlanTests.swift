import Foundation
import Testing
@testable import TenderpointCore

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// The plan's dates as (kind, nominal, actual) ISO strings, for compact expectations.
private func rows(_ plan: FollowUpPlan) -> [[String]] {
    plan.followUps.map { [$0.kind.rawValue, $0.nominalDate.iso, $0.date.iso] }
}

@Test func mondaySessionMovesNothing() {
    // 2026-01-05 (Mon) + 8 = 01-13 (Tue), + 21 = 01-26 (Mon), + 84 = 03-30 (Mon).
    let plan = FollowUpPlan(sessionDate: day("2026-01-05"), calendar: .standard)
    #expect(plan.sessionDate == day("2026-01-05"))
    #expect(rows(plan) == [
        ["onset-check", "2026-01-13", "2026-01-13"],
        ["peak-review", "2026-01-26", "2026-01-26"],
        ["reassessment", "2026-03-30", "2026-03-30"],
    ])
    #expect(plan.followUps.allSatisfy { !$0.isMoved })
}

@Test func saturdayOnsetCheckMovesToMonday() {
    // 2026-01-09 (Fri) + 8 = 01-17 (Sat) → Mon 01-19; + 21 = 01-30 (Fri);
    // + 84: Jan 31 +22, Feb 28 +50, Mar 31 +81, Apr 3 +84 (Fri): Good Friday in the standard
    // calendar (England and Wales), then the weekend and Easter Monday → Tue 04-07.
    let plan = FollowUpPlan(sessionDate: day("2026-01-09"), calendar: .standard)
    #expect(rows(plan) == [
        ["onset-check", "2026-01-17", "2026-01-19"],
        ["peak-review", "2026-01-30", "2026-01-30"],
        ["reassessment", "2026-04-03", "2026-04-07"],
    ])
    #expect(plan.followUp(.onsetCheck).isMoved)
    #expect(!plan.followUp(.peakReview).isMoved)
}

@Test func clinicOpenOnSaturdaysKeepsTheSaturday() throws {
    let calendar = try ClinicCalendar(openWeekdays: ClinicCalendar.mondayToFriday.union([.saturday]))
    let plan = FollowUpPlan(sessionDate: day("2026-01-09"), calendar: calendar)
    #expect(plan.followUp(.onsetCheck).date == day("2026-01-17"))
    #expect(!plan.followUp(.onsetCheck).isMoved)
}

@Test func bankHolidayMondayMovesToTuesday() throws {
    let calendar = try ClinicCalendar(closedDates: [day("2026-05-04")])
    // 2026-04-13 (Mon) + 21 = 05-04, the early May bank holiday → Tue 05-05.
    let plan = FollowUpPlan(sessionDate: day("2026-04-13"), calendar: calendar)
    #expect(rows(plan) == [
        ["onset-check", "2026-04-21", "2026-04-21"],
        ["peak-review", "2026-05-04", "2026-05-05"],
        ["reassessment", "2026-07-06", "2026-07-06"],
    ])
    // 2026-04-24 (Fri) + 8 = 05-02 (Sat): weekend, then the bank holiday → Tue 05-05.
    let weekend = FollowUpPlan(sessionDate: day("2026-04-24"), calendar: calendar)
    #expect(weekend.followUp(.onsetCheck).nominalDate == day("2026-05-02"))
    #expect(weekend.followUp(.onsetCheck).date == day("2026-05-05"))
}

@Test func closedRunOfDays() throws {
    // Easter 2026: Good Friday 04-03 and Easter Monday 04-06 around a weekend.
    let easter = try ClinicCalendar(closedDates: [day("2026-04-03"), day("2026-04-06")])
    let plan = FollowUpPlan(sessionDate: day("2026-01-09"), calendar: easter)
    #expect(plan.followUp(.reassessment).nominalDate == day("2026-04-03"))
    #expect(plan.followUp(.reassessment).date == day("2026-04-07"))
    // A week's closure after a weekend: Sat 01-17 → the week 01-19…01-23 is closed → Mon 01-26.
    let closure: Set = [day("2026-01-19"), day("2026-01-20"), day("2026-01-21"), day("2026-01-22"), day("2026-01-23")]
    let closed = FollowUpPlan(sessionDate: day("2026-01-09"), calendar: try ClinicCalendar(closedDates: closure))
    #expect(closed.followUp(.onsetCheck).date == day("2026-01-26"))
}

@Test func acrossMonthAndYearEnd() throws {
    let holidays = try ClinicCalendar(closedDates: [day("2025-12-25"), day("2025-12-26"), day("2026-01-01")])
    // 2025-12-17 (Wed) + 8 = 12-25 (Thu, closed), 12-26 (Fri, closed), weekend → Mon 12-29.
    // + 21: Dec 31 is +14, so +21 = 2026-01-07. + 84: Dec 31 +14, Jan 31 +45, Feb 28 +73, Mar 11 +84.
    #expect(rows(FollowUpPlan(sessionDate: day("2025-12-17"), calendar: holidays)) == [
        ["onset-check", "2025-12-25", "2025-12-29"],
        ["peak-review", "2026-01-07", "2026-01-07"],
        ["reassessment", "2026-03-11", "2026-03-11"],
    ])
    // 2025-12-24 (Wed) + 8 = 2026-01-01 (Thu, New Year's Day) → Fri 01-02.
    #expect(rows(FollowUpPlan(sessionDate: day("2025-12-24"), calendar: holidays)) == [
        ["onset-check", "2026-01-01", "2026-01-02"],
        ["peak-review", "2026-01-14", "2026-01-14"],
        ["reassessment", "2026-03-18", "2026-03-18"],
    ])
}

@Test func leapYearFollowUps() {
    // 2028-02-22 (Tue): + 7 = 02-29, so + 8 = 03-01 (Wed); + 21 = 03-14 (Tue);
    // + 84: Feb 29 +7, Mar 31 +38, Apr 30 +68, May 16 +84 (Tue).
    #expect(rows(FollowUpPlan(sessionDate: day("2028-02-22"), calendar: .standard)) == [
        ["onset-check", "2028-03-01", "2028-03-01"],
        ["peak-review", "2028-03-14", "2028-03-14"],
        ["reassessment", "2028-05-16", "2028-05-16"],
    ])
}

@Test func planEncodesKindsAndDates() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(FollowUpPlan(sessionDate: day("2026-01-09"), calendar: .standard)),
                      as: UTF8.self)
    #expect(json.contains(#"{"date":"2026-01-19","kind":"onset-check","nominalDate":"2026-01-17"}"#))
}
