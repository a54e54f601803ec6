import Foundation
import Testing
@testable import TenderpointCore

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

private func days(from first: String, through last: String) -> Set<CalendarDate> {
    var dates: Set<CalendarDate> = []
    var date = day(first)
    while date <= day(last) {
        dates.insert(date)
        date = date.adding(days: 1)
    }
    return dates
}

private func problem(_ body: () throws(Problem) -> ClinicCalendar) -> Problem? {
    do {
        _ = try body()
        Issue.record("expected a problem")
        return nil
    } catch {
        return error
    }
}

@Test func defaultsAreMondayToFridayNineToFiveInLondon() throws {
    let calendar = try ClinicCalendar()
    #expect(calendar.openWeekdays == [.monday, .tuesday, .wednesday, .thursday, .friday])
    #expect(calendar.closedDates.isEmpty)
    #expect(calendar.holidayRegion == .englandAndWales)
    #expect(calendar.timeZone.identifier == "Europe/London")
    #expect(calendar.openingHours.count == 5)
    #expect(calendar.openingHours[.monday] == (try OpeningHours(open: 540, close: 1020)))
    #expect(calendar.openingHours[.saturday] == nil)
    #expect(calendar == ClinicCalendar.standard)
}

@Test func noOpenWeekdayIsRefused() {
    let found = problem { () throws(Problem) in try ClinicCalendar(openWeekdays: []) }
    #expect(found?.code == .invalidValue)
    #expect(found?.field == "openWeekdays")
}

@Test func openingHoursOnAClosedWeekdayAreRefused() throws {
    let found = problem { () throws(Problem) in
        try ClinicCalendar(openingHours: [.sunday: try! OpeningHours(open: 600, close: 720)])
    }
    #expect(found?.code == .invalidValue)
    #expect(found?.field == "openingHours")
}

@Test func givenOpeningHoursKeepTheRestAtDefault() throws {
    let saturday = try OpeningHours(open: 9 * 60, close: 13 * 60)
    let calendar = try ClinicCalendar(openWeekdays: ClinicCalendar.mondayToFriday.union([.saturday]),
                                      openingHours: [.saturday: saturday])
    #expect(calendar.openingHours[.saturday] == saturday)
    #expect(calendar.openingHours[.friday] == OpeningHours.standard)
    #expect(calendar.openingHours(on: day("2026-01-10")) == saturday)   // a Saturday
    #expect(calendar.openingHours(on: day("2026-01-11")) == nil)        // a Sunday
}

@Test(arguments: [
    ("2026-01-05", true),    // Monday
    ("2026-01-09", true),    // Friday
    ("2026-01-10", false),   // Saturday
    ("2026-01-11", false),   // Sunday
    ("2026-05-04", false),   // Monday, early May bank holiday
    ("2026-05-05", true),    // Tuesday
])
func isOpen(date: String, open: Bool) throws {
    let calendar = try ClinicCalendar(closedDates: [day("2026-05-04")])
    #expect(calendar.isOpen(day(date)) == open)
    #expect((calendar.openingHours(on: day(date)) != nil) == open)
}

@Test(arguments: [
    ("2026-01-05", "2026-01-05"),   // open Monday: itself
    ("2026-01-10", "2026-01-12"),   // Saturday → Monday
    ("2026-01-11", "2026-01-12"),   // Sunday → Monday
    ("2026-04-03", "2026-04-07"),   // Good Friday, weekend, Easter Monday → Tuesday
    ("2026-12-25", "2026-12-29"),   // Christmas Friday, weekend, Boxing Day substitute Monday 28th → Tuesday
])
func nextOpenDay(from: String, expected: String) throws {
    let holidays: Set = [day("2026-04-03"), day("2026-04-06"), day("2026-12-25"), day("2026-12-28")]
    let calendar = try ClinicCalendar(closedDates: holidays)
    #expect(calendar.nextOpenDay(onOrAfter: day(from)) == day(expected))
}

@Test func nextOpenDayWithOneOpenWeekday() throws {
    let calendar = try ClinicCalendar(openWeekdays: [.wednesday], closedDates: [day("2026-01-14")])
    // Thursday 2026-01-08 → Wednesday 01-14 is a holiday → Wednesday 01-21.
    #expect(calendar.nextOpenDay(onOrAfter: day("2026-01-08")) == day("2026-01-21"))
}

@Test func closedDatesCoveringYearsAreRefused() {
    let found = problem { () throws(Problem) in
        try ClinicCalendar(closedDates: days(from: "2026-01-01", through: "2027-12-31"))
    }
    #expect(found?.code == .invalidValue)
    #expect(found?.field == "closedDates")
}

@Test func closedStretchLimitIsExact() throws {
    let everyDay = Set(Weekday.allCases)
    // 2026 has 365 days: a stretch of 365 closed days is accepted and the search reaches past it
    // (no bank holidays here: 1 January 2027 would be one).
    let year = try ClinicCalendar(openWeekdays: everyDay, closedDates: days(from: "2026-01-01", through: "2026-12-31"),
                                  holidayRegion: .none)
    #expect(year.nextOpenDay(onOrAfter: day("2026-01-01")) == day("2027-01-01"))
    // 366 closed days is refused.
    let found = problem { () throws(Problem) in
        try ClinicCalendar(openWeekdays: everyDay, closedDates: days(from: "2026-01-01", through: "2027-01-01"), holidayRegion: .none)
    }
    #expect(found?.field == "closedDates")
    #expect(found?.message.contains("366") == true)
}

@Test func closedWeekdaysCountTowardTheStretch() throws {
    // Monday–Friday, all of 2026 closed: from Wednesday 2025-12-31 (open) to Friday 2027-01-01
    // (open: no bank holidays here) lie exactly the 365 days of 2026.
    let calendar = try ClinicCalendar(closedDates: days(from: "2026-01-01", through: "2026-12-31"), holidayRegion: .none)
    #expect(calendar.nextOpenDay(onOrAfter: day("2025-12-31")) == day("2025-12-31"))
    #expect(calendar.nextOpenDay(onOrAfter: day("2026-01-01")) == day("2027-01-01"))
    // Also closing Friday 2027-01-01 runs on through the weekend to Monday 2027-01-04: 368 days.
    let found = problem { () throws(Problem) in
        try ClinicCalendar(closedDates: days(from: "2026-01-01", through: "2027-01-01"), holidayRegion: .none)
    }
    #expect(found?.message.contains("368") == true)
}

@Test(arguments: [
    ("2026-06-30T23:30:00Z", "Europe/London", "2026-07-01"),      // 00:30 BST
    ("2026-01-31T23:30:00Z", "Europe/London", "2026-01-31"),      // 23:30 GMT
    ("2026-03-29T00:30:00Z", "Europe/London", "2026-03-29"),      // before the clocks go forward
    ("2026-01-01T03:00:00Z", "America/New_York", "2025-12-31"),   // 22:00 EST
])
func todayIsTheClinicDate(now: String, zone: String, expected: String) throws {
    let calendar = try ClinicCalendar(timeZone: TimeZone(identifier: zone)!)
    let instant = try #require(ISO8601DateFormatter().date(from: now))
    #expect(calendar.today(now: instant) == day(expected))
}

@Test func aMondayCollectsTheWeekendBeforeIt() throws {
    // Mon 16 March 2026: Sat 14 and Sun 15 move onto it; Fri 13 is open and stays.
    let calendar = try ClinicCalendar()
    #expect(calendar.datesMovedOnto(day("2026-03-16")) == day("2026-03-14")...day("2026-03-16"))
    // Tue 17: only itself.
    #expect(calendar.datesMovedOnto(day("2026-03-17")) == day("2026-03-17")...day("2026-03-17"))
    // Sat 14 is closed: nothing lands on it.
    #expect(calendar.datesMovedOnto(day("2026-03-14")) == nil)
}

@Test func aDayAfterAClosureCollectsTheWholeClosure() throws {
    // Closed Mon 6 – Fri 10 April 2026 (Easter week): Tue 14 April collects only itself; Mon 13
    // collects Sat 4 … Mon 13 (the weekend, the closed week and the next weekend).
    let calendar = try ClinicCalendar(closedDates: days(from: "2026-04-06", through: "2026-04-10"), holidayRegion: .none)
    #expect(calendar.datesMovedOnto(day("2026-04-13")) == day("2026-04-04")...day("2026-04-13"))
    #expect(calendar.datesMovedOnto(day("2026-04-14")) == day("2026-04-14")...day("2026-04-14"))
    // Every date in the range moves onto Mon 13, and the day before it does not.
    for offset in 0...9 {
        #expect(calendar.nextOpenDay(onOrAfter: day("2026-04-04").adding(days: offset)) == day("2026-04-13"))
    }
    #expect(calendar.nextOpenDay(onOrAfter: day("2026-04-03")) == day("2026-04-03"))
}
