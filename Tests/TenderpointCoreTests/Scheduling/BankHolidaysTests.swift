import Foundation
import Testing
@testable import TenderpointCore

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// The published bank holidays of 2026–2030 (gov.uk and the yearly proclamations), written out by
/// hand as the weekdays taken off. Substitute days are marked where they occur.
private let published: [HolidayRegion: [Int: [String]]] = [
    .englandAndWales: [
        2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25",
               "12-28"],                                   // Boxing Day Sat 26 → Mon 28
        2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30",
               "12-27", "12-28"],                          // Christmas Sat → Mon 27, Boxing Day Sun → Tue 28
        2028: ["01-03",                                    // New Year's Day Sat → Mon 3
               "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
        2029: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
        2030: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
    ],
    .scotland: [
        2026: ["01-01", "01-02", "04-03", "05-04", "05-25",
               "06-15",                                    // one-off: Scotland at the FIFA World Cup (proclaimed Feb 2026)
               "08-03", "11-30", "12-25", "12-28"],
        2027: ["01-01", "01-04",                           // 2 January Sat → Mon 4
               "03-26", "05-03", "05-31", "08-02", "11-30", "12-27", "12-28"],
        2028: ["01-03", "01-04",                           // 1 January Sat → Mon 3, 2 January Sun → Tue 4
               "04-14", "05-01", "05-29", "08-07", "11-30", "12-25", "12-26"],
        2029: ["01-01", "01-02", "03-30", "05-07", "05-28", "08-06", "11-30", "12-25", "12-26"],
        2030: ["01-01", "01-02", "04-19", "05-06", "05-27", "08-05",
               "12-02",                                    // St Andrew's Day Sat 30 Nov → Mon 2 Dec
               "12-25", "12-26"],
    ],
    .northernIreland: [
        2026: ["01-01", "03-17", "04-03", "04-06", "05-04", "05-25",
               "07-13",                                    // Battle of the Boyne Sun 12 → Mon 13
               "08-31", "12-25", "12-28"],
        2027: ["01-01", "03-17", "03-26", "03-29", "05-03", "05-31", "07-12", "08-30", "12-27", "12-28"],
        2028: ["01-03", "03-17", "04-14", "04-17", "05-01", "05-29", "07-12", "08-28", "12-25", "12-26"],
        2029: ["01-01",
               "03-19",                                    // St Patrick's Day Sat 17 → Mon 19
               "03-30", "04-02", "05-07", "05-28", "07-12", "08-27", "12-25", "12-26"],
        2030: ["01-01",
               "03-18",                                    // St Patrick's Day Sun 17 → Mon 18
               "04-19", "04-22", "05-06", "05-27", "07-12", "08-26", "12-25", "12-26"],
    ],
]

/// Days in the published lists that no rule gives: the clinic enters them as closed dates.
private let oneOffs: [HolidayRegion: Set<String>] = [.scotland: ["2026-06-15"]]

private func publishedDates(_ region: HolidayRegion, _ year: Int) -> [CalendarDate] {
    (published[region]?[year] ?? []).map { day("\(year)-\($0)") }
}

@Test(arguments: [HolidayRegion.englandAndWales, .scotland, .northernIreland], 2026...2030)
func bankHolidaysMatchThePublishedLists(region: HolidayRegion, year: Int) {
    let expected = publishedDates(region, year).filter { !(oneOffs[region] ?? []).contains($0.iso) }
    #expect(expected.count >= 8)
    #expect(BankHolidays.dates(in: year, region: region) == expected)
    // Every day taken off is a weekday, and the clinic is closed on it.
    let calendar = try! ClinicCalendar(holidayRegion: region)
    for date in expected {
        #expect(date.weekday != .saturday && date.weekday != .sunday)
        #expect(!calendar.isOpen(date), "\(date) should be closed in \(region)")
    }
}

@Test func aOneOffHolidayIsAClosedDateTheClinicEnters() throws {
    let scotland = try ClinicCalendar(holidayRegion: .scotland)
    #expect(scotland.isOpen(day("2026-06-15")))
    #expect(!BankHolidays.dates(in: 2026, region: .scotland).contains(day("2026-06-15")))
    let entered = try ClinicCalendar(closedDates: [day("2026-06-15")], holidayRegion: .scotland)
    #expect(!entered.isOpen(day("2026-06-15")))
    #expect(entered.nextOpenDay(onOrAfter: day("2026-06-15")) == day("2026-06-16"))
}

@Test(arguments: [
    (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"),
    (2026, "2026-04-05"), (2027, "2027-03-28"), (2028, "2028-04-16"), (2029, "2029-04-01"),
    (2030, "2030-04-21"), (2038, "2038-04-25"),   // the latest possible date
    (2285, "2285-03-22"),                          // the earliest possible date
    (1818, "1818-03-22"), (1943, "1943-04-25"),
])
func easterByTheAnonymousGregorianAlgorithm(year: Int, expected: String) {
    #expect(BankHolidays.easterSunday(year) == day(expected))
}

@Test func easterAndHolidaysOutsideTheCalendarsYearsAreNone() {
    #expect(BankHolidays.easterSunday(0) == nil)
    #expect(BankHolidays.easterSunday(10_000) == nil)
    #expect(BankHolidays.holidays(in: 10_000, region: .englandAndWales).isEmpty)
    #expect(BankHolidays.holidays(in: Int.min, region: .scotland).isEmpty)
    #expect(BankHolidays.holidays(in: 9999, region: .northernIreland).count == 10)
    #expect(BankHolidays.holidays(in: 2026, region: .none).isEmpty)
}

@Test func substituteDaysSkipHolidaysAlreadyTaken() {
    func observed(_ year: Int, _ region: HolidayRegion, _ name: String) -> [String] {
        BankHolidays.holidays(in: year, region: region).filter { $0.name == name }.map(\.observed.iso)
    }
    // 2022: Christmas Day on a Sunday, Boxing Day Monday 26 → Christmas taken on Tuesday 27.
    #expect(observed(2022, .englandAndWales, "Christmas Day") == ["2022-12-27"])
    #expect(observed(2022, .englandAndWales, "Boxing Day") == ["2022-12-26"])
    // 2021: Christmas Day on a Saturday → Monday 27, Boxing Day (Sunday) → Tuesday 28.
    #expect(observed(2021, .englandAndWales, "Christmas Day") == ["2021-12-27"])
    #expect(observed(2021, .englandAndWales, "Boxing Day") == ["2021-12-28"])
    // 2020: Boxing Day on a Saturday → Monday 28.
    #expect(observed(2020, .englandAndWales, "Boxing Day") == ["2020-12-28"])
    // Scotland 2023: 1 January a Sunday and 2 January a Monday → Monday 2 and Tuesday 3.
    #expect(BankHolidays.dates(in: 2023, region: .scotland).prefix(2) == [day("2023-01-02"), day("2023-01-03")])
    // Scotland 2022: 1 January Saturday → Monday 3; 2 January Sunday → Tuesday 4.
    #expect(observed(2022, .scotland, "New Year's Day") == ["2022-01-03"])
    #expect(observed(2022, .scotland, "2 January") == ["2022-01-04"])
    // St Andrew's Day on a Sunday (2025) → Monday 1 December; St Patrick's Day on a Sunday
    // (2024) → Monday 18; 12 July on a Saturday (2025) → Monday 14.
    #expect(observed(2025, .scotland, "St Andrew's Day") == ["2025-12-01"])
    #expect(observed(2024, .northernIreland, "St Patrick's Day") == ["2024-03-18"])
    #expect(observed(2025, .northernIreland, "Battle of the Boyne (Orangemen's Day)") == ["2025-07-14"])
}

@Test func eachRegionHasItsOwnHolidays() {
    func names(_ region: HolidayRegion) -> [String] { BankHolidays.holidays(in: 2027, region: region).map(\.name) }
    #expect(names(.englandAndWales) == ["New Year's Day", "Good Friday", "Easter Monday", "Early May bank holiday",
                                        "Spring bank holiday", "Summer bank holiday", "Christmas Day", "Boxing Day"])
    #expect(names(.scotland) == ["New Year's Day", "2 January", "Good Friday", "Early May bank holiday", "Spring bank holiday",
                                 "Summer bank holiday", "St Andrew's Day", "Christmas Day", "Boxing Day"])
    #expect(names(.northernIreland) == ["New Year's Day", "St Patrick's Day", "Good Friday", "Easter Monday",
                                        "Early May bank holiday", "Spring bank holiday", "Battle of the Boyne (Orangemen's Day)",
                                        "Summer bank holiday", "Christmas Day", "Boxing Day"])
    #expect(names(.none).isEmpty)
}

@Test func aHolidayAtTheWeekendClosesItsOwnDayToo() throws {
    // Christmas 2027 is a Saturday: the published holiday is Monday 27, and a clinic open on
    // Saturdays is closed on the 25th as well; the Saturday before is open.
    let saturdays = try ClinicCalendar(openWeekdays: ClinicCalendar.mondayToFriday.union([.saturday]))
    #expect(!saturdays.isOpen(day("2027-12-25")))
    #expect(!saturdays.isOpen(day("2027-12-27")))
    #expect(saturdays.isOpen(day("2027-12-18")))
    #expect(saturdays.bankHoliday(on: day("2027-12-25"))?.name == "Christmas Day")
    #expect(saturdays.bankHoliday(on: day("2027-12-28"))?.name == "Boxing Day")
    #expect(saturdays.bankHoliday(on: day("2027-12-29")) == nil)
    #expect(BankHolidays.closingDays(in: 2027, region: .englandAndWales)
        == Set(["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-25", "12-26", "12-27", "12-28"].map { day("2027-\($0)") }))
}

@Test func noRegionMeansOnlyTheClinicsClosedDates() throws {
    let none = try ClinicCalendar(holidayRegion: .none)
    #expect(none.isOpen(day("2026-12-25")))
    #expect(none.isOpen(day("2026-12-28")))
    #expect(none.bankHoliday(on: day("2026-12-25")) == nil)
    let englandAndWales = try ClinicCalendar()
    #expect(!englandAndWales.isOpen(day("2026-12-25")))
    #expect(englandAndWales.isOpen(day("2026-11-30")))
    let scotland = try ClinicCalendar(holidayRegion: .scotland)
    #expect(!scotland.isOpen(day("2026-11-30")))     // St Andrew's Day
    #expect(scotland.isOpen(day("2026-04-06")))      // Easter Monday is not a holiday in Scotland
    #expect(!scotland.isOpen(day("2026-08-03")))     // first Monday of August
    #expect(scotland.isOpen(day("2026-08-31")))
}

@Test func christmasFollowUpsMoveToTheNextOpenDay() throws {
    // A session on Friday 4 December 2026: day 21 is Friday 25 December → Christmas, the
    // weekend and Boxing Day's substitute Monday 28 are closed → Tuesday 29.
    let plan = FollowUpPlan(sessionDate: day("2026-12-04"), calendar: .standard)
    #expect(plan.followUp(.peakReview).nominalDate == day("2026-12-25"))
    #expect(plan.followUp(.peakReview).date == day("2026-12-29"))
    // Tuesday 29 collects Friday 25 to itself; Thursday 24 is open.
    #expect(ClinicCalendar.standard.datesMovedOnto(day("2026-12-29")) == day("2026-12-25")...day("2026-12-29"))
    #expect(ClinicCalendar.standard.datesMovedOnto(day("2026-12-28")) == nil)
    // Scotland 2028: 1 and 2 January at the weekend, Monday 3 and Tuesday 4 off → Wednesday 5.
    let scotland = try ClinicCalendar(holidayRegion: .scotland)
    #expect(FollowUpPlan(sessionDate: day("2027-12-11"), calendar: scotland).followUp(.peakReview).date == day("2028-01-05"))
}

@Test(arguments: [HolidayRegion.englandAndWales, .scotland, .northernIreland])
func noFollowUpLandsOnAClosedDay(region: HolidayRegion) throws {
    // Every session date from 2025-12-01 to 2030-12-31, Monday–Friday and a Saturday clinic.
    for weekdays in [ClinicCalendar.mondayToFriday, ClinicCalendar.mondayToFriday.union([.saturday])] {
        let calendar = try ClinicCalendar(openWeekdays: weekdays, holidayRegion: region)
        var date = day("2025-12-01")
        while date <= day("2030-12-31") {
            for followUp in FollowUpPlan(sessionDate: date, calendar: calendar).followUps {
                #expect(calendar.isOpen(followUp.date))
                #expect(!BankHolidays.closingDays(in: followUp.date.year, region: region).contains(followUp.date))
                #expect(!(followUp.date.month == 12 && followUp.date.day == 25))
                #expect(followUp.date >= followUp.nominalDate && followUp.date.days(since: followUp.nominalDate) < 7)
            }
            date = date.adding(days: 1)
        }
    }
}

@Test(arguments: [HolidayRegion.englandAndWales, .scotland, .northernIreland])
func holidaysAloneNeverExhaustTheSearch(region: HolidayRegion) throws {
    // One open weekday is the sparsest calendar: Christmas and New Year close at most two of it
    // in a row, so the next open day is always within three weeks and datesMovedOnto agrees.
    for weekday in Weekday.allCases {
        let calendar = try ClinicCalendar(openWeekdays: [weekday], holidayRegion: region)
        var date = day("2026-01-01")
        while date <= day("2030-12-31") {
            let next = calendar.nextOpenDay(onOrAfter: date)
            #expect(calendar.isOpen(next))
            #expect(next.days(since: date) < 21)
            #expect(calendar.datesMovedOnto(next)?.contains(date) == true)
            date = date.adding(days: 1)
        }
    }
}

@Test func closedDatesAndHolidaysTogetherCountTowardTheStretch() throws {
    let everyDay = Set(Weekday.allCases)
    // Open every day, closed 29 December 2026 to 24 December 2027 (361 days). Without bank
    // holidays the stretch is those 361 days; with England and Wales' it runs from Monday
    // 28 December 2026 (Boxing Day's substitute) to Tuesday 28 December 2027 (Christmas
    // Saturday 25, Boxing Day Sunday 26, substitutes 27 and 28): 366 days, refused.
    var closed: Set<CalendarDate> = []
    var date = day("2026-12-29")
    while date <= day("2027-12-24") {
        closed.insert(date)
        date = date.adding(days: 1)
    }
    #expect(closed.count == 361)
    let none = try ClinicCalendar(openWeekdays: everyDay, closedDates: closed, holidayRegion: .none)
    #expect(none.nextOpenDay(onOrAfter: day("2026-12-29")) == day("2027-12-25"))
    do {
        _ = try ClinicCalendar(openWeekdays: everyDay, closedDates: closed, holidayRegion: .englandAndWales)
        Issue.record("expected the closed dates to be refused")
    } catch {
        #expect(error.field == "closedDates")
        #expect(error.message.contains("366"))
    }
    // One day fewer at the end (closed to 23 December 2027): Christmas Eve is open, and the
    // stretch from Monday 28 December 2026 is 361 days. Sunday 27 December 2026 is open.
    closed.remove(day("2027-12-24"))
    let shorter = try ClinicCalendar(openWeekdays: everyDay, closedDates: closed, holidayRegion: .englandAndWales)
    #expect(shorter.nextOpenDay(onOrAfter: day("2026-12-25")) == day("2026-12-27"))
    #expect(shorter.nextOpenDay(onOrAfter: day("2026-12-28")) == day("2027-12-24"))
}

@Test func regionsDecodeFromTheirNames() throws {
    #expect(HolidayRegion.allCases.map(\.rawValue) == ["englandAndWales", "scotland", "northernIreland", "none"])
    let decoded = try JSONDecoder().decode([HolidayRegion].self, from: Data(#"["scotland","none"]"#.utf8))
    #expect(decoded == [.scotland, .none])
    #expect(ClinicCalendar.standard.holidayRegion == .englandAndWales)
}
