import Foundation
import Testing
@testable import TenderpointCore

@Suite struct BoundedTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 5)!
    static let london = TimeZone(identifier: "Europe/London")!

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    @Test(arguments: [(0, true), (3, true), (-1, false), (4, false), (Int.max, false), (Int.min, false)])
    func wholeNumberOnItsScale(value: Int, accepted: Bool) {
        let problem = Bounded.wholeNumber(value, in: 0...3, field: "fatigue")
        #expect((problem == nil) == accepted)
        if !accepted {
            #expect(problem == Problem(.valueOutOfRange, "fatigue must be 0–3, not \(value).", field: "fatigue"))
        }
    }

    /// 1900-01-01 and today are the first and last birth dates accepted.
    @Test(arguments: [("1900-01-01", true), ("1899-12-31", false), ("2026-12-05", true), ("2026-12-06", false),
                      ("0001-01-01", false), ("9999-12-31", false)])
    func birthDates(text: String, accepted: Bool) {
        let problem = Bounded.birthDate(Self.date(text), today: Self.today)
        #expect((problem == nil) == accepted)
        #expect(problem.map { $0.code == .invalidDate && $0.field == "birthDate" } ?? true)
    }

    @Test func pastDatesAreNotBeforeBirthOr1900NorAfterToday() {
        let birth = Self.date("1975-12-10")
        #expect(Bounded.pastDate(Self.date("1975-12-10"), today: Self.today, birthDate: birth, field: "onsetDate") == nil)
        #expect(Bounded.pastDate(Self.date("1975-12-09"), today: Self.today, birthDate: birth, field: "onsetDate")
            == Problem(.invalidDate, "onsetDate 1975-12-09 is before the patient's birth (1975-12-10).", field: "onsetDate"))
        #expect(Bounded.pastDate(Self.date("2026-12-05"), today: Self.today, field: "date") == nil)
        #expect(Bounded.pastDate(Self.date("2026-12-06"), today: Self.today, field: "date")
            == Problem(.invalidDate, "date 2026-12-06 is in the future.", field: "date"))
        #expect(Bounded.pastDate(Self.date("1900-01-01"), today: Self.today, field: "date") == nil)
        #expect(Bounded.pastDate(Self.date("1899-12-31"), today: Self.today, field: "date")?.code == .invalidDate)
    }

    @Test func monthsAreALifetimeAtMost() {
        #expect(Bounded.months == 0...1200)
    }

    /// Seen from 2026-12-05 10:00 London, the last bookable day is 2028-12-05 (two years on).
    @Test func appointmentsAtMostTwoYearsAheadAndNotInThePast() {
        let now = Self.instant("2026-12-05T10:00:00Z")
        #expect(Bounded.latestAppointmentDate(today: Self.today) == Self.date("2028-12-05"))
        #expect(Bounded.appointmentStart(now, now: now, timeZone: Self.london) == nil)
        #expect(Bounded.appointmentStart(Self.instant("2028-12-05T23:59:00Z"), now: now, timeZone: Self.london) == nil)
        let tooFar = Bounded.appointmentStart(Self.instant("2028-12-06T00:00:00Z"), now: now, timeZone: Self.london)
        #expect(tooFar == Problem(.invalidDate, "start 2028-12-06 is more than 2 years ahead; book on or before 2028-12-05.", field: "start"))
        let past = Bounded.appointmentStart(Self.instant("2026-12-05T09:59:59Z"), now: now, timeZone: Self.london)
        #expect(past?.code == .invalidDate)
        #expect(past?.field == "start")
        #expect(Bounded.appointmentStart(Date.distantFuture, now: now, timeZone: Self.london)?.code == .invalidDate)
    }

    /// A leap day two years on: 2026-02-28 → 2028-02-28.
    @Test func horizonFromALeapYear() {
        #expect(Bounded.latestAppointmentDate(today: Self.date("2026-02-28")) == Self.date("2028-02-28"))
        #expect(Bounded.latestAppointmentDate(today: Self.date("2028-02-29")) == Self.date("2030-02-28"))
    }
}
