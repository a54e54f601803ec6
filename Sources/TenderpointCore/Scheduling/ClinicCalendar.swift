import Foundation

/// The days and hours a clinic is open, and its time zone: follow-ups move off closed days,
/// slots are found within opening hours, and "today" is the clinic's date.
///
/// A day is closed when its weekday is not open, when it is one of the clinic's own closed
/// dates, or when it is a bank holiday of the clinic's `holidayRegion` (or that holiday's day
/// itself at a weekend: `BankHolidays.closingDays`).
public struct ClinicCalendar: Hashable, Sendable {
    /// Weekdays the clinic is open (never empty).
    public let openWeekdays: Set<Weekday>
    /// The clinic's own closed days although their weekday is open (training days, and one-off
    /// holidays that no rule gives, such as a proclaimed extra bank holiday), on top of the
    /// region's bank holidays.
    public let closedDates: Set<CalendarDate>
    /// Whose bank holidays close the clinic, computed by rule (`BankHolidays`).
    public let holidayRegion: HolidayRegion
    public let timeZone: TimeZone
    /// Opening hours for every open weekday, and for no other.
    public let openingHours: [Weekday: OpeningHours]

    /// `nextOpenDay(onOrAfter:)` looks at most this many days ahead (the start day included).
    /// The initializer refuses closed dates that would leave this many consecutive days without
    /// an open day, so the search always finds one and a mistyped holiday list (years of
    /// closed days) is reported when it is set rather than silently scheduling a year away.
    public static let searchLimitDays = 366

    public static let mondayToFriday: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
    public static let london = TimeZone(identifier: "Europe/London")!

    /// A clinic in Europe/London is by default in England and Wales.
    public static let defaultHolidayRegion = HolidayRegion.englandAndWales

    /// Monday–Friday, 09:00–17:00, Europe/London, closed on the bank holidays of England and
    /// Wales and on no other date.
    public static let standard = ClinicCalendar(
        unchecked: mondayToFriday, [], defaultHolidayRegion, london,
        Dictionary(uniqueKeysWithValues: mondayToFriday.map { ($0, OpeningHours.standard) }))

    /// Open weekdays without an entry in `openingHours` open 09:00–17:00.
    ///
    /// Throws `invalidValue` with field `openWeekdays` when no weekday is open, `openingHours`
    /// when hours are given for a weekday that is not open, and `closedDates` when the closed
    /// dates, with the region's bank holidays, leave `searchLimitDays` or more consecutive days
    /// without an open day.
    public init(openWeekdays: Set<Weekday> = ClinicCalendar.mondayToFriday,
                closedDates: Set<CalendarDate> = [],
                holidayRegion: HolidayRegion = ClinicCalendar.defaultHolidayRegion,
                timeZone: TimeZone = ClinicCalendar.london,
                openingHours: [Weekday: OpeningHours] = [:]) throws(Problem) {
        guard !openWeekdays.isEmpty else {
            throw Problem(.invalidValue, "The clinic must be open on at least one weekday.", field: "openWeekdays")
        }
        let stray = openingHours.keys.filter { !openWeekdays.contains($0) }
        guard stray.isEmpty else {
            let names = stray.map(\.rawValue).sorted().joined(separator: ", ")
            throw Problem(.invalidValue, "Opening hours are set for a day the clinic is closed: \(names).",
                          field: "openingHours")
        }
        let longest = ClinicCalendar.longestClosedStretch(openWeekdays: openWeekdays, closedDates: closedDates,
                                                          holidayRegion: holidayRegion)
        guard longest < ClinicCalendar.searchLimitDays else {
            throw Problem(.invalidValue,
                          "The closed dates leave \(longest) consecutive days without an open day; at most \(ClinicCalendar.searchLimitDays - 1) are allowed.",
                          field: "closedDates")
        }
        var hours = openingHours
        for weekday in openWeekdays where hours[weekday] == nil { hours[weekday] = .standard }
        self.init(unchecked: openWeekdays, closedDates, holidayRegion, timeZone, hours)
    }

    private init(unchecked openWeekdays: Set<Weekday>, _ closedDates: Set<CalendarDate>, _ holidayRegion: HolidayRegion,
                 _ timeZone: TimeZone, _ openingHours: [Weekday: OpeningHours]) {
        self.openWeekdays = openWeekdays
        self.closedDates = closedDates
        self.holidayRegion = holidayRegion
        self.timeZone = timeZone
        self.openingHours = openingHours
    }

    public func isOpen(_ date: CalendarDate) -> Bool {
        openWeekdays.contains(date.weekday) && !closedDates.contains(date)
            && !BankHolidays.closes(date, region: holidayRegion)
    }

    /// The region's bank holiday that closes `date` (its observed day, or the day itself at a
    /// weekend); nil on any other day, including the clinic's own closed dates.
    public func bankHoliday(on date: CalendarDate) -> BankHoliday? {
        guard BankHolidays.closes(date, region: holidayRegion) else { return nil }
        return BankHolidays.holidays(in: date.year, region: holidayRegion).first { $0.observed == date || $0.date == date }
    }

    /// The opening hours on a date; nil when the clinic is closed that day.
    public func openingHours(on date: CalendarDate) -> OpeningHours? {
        isOpen(date) ? openingHours[date.weekday] : nil
    }

    /// `date` itself when the clinic is open that day, otherwise the first open day after it.
    public func nextOpenDay(onOrAfter date: CalendarDate) -> CalendarDate {
        for offset in 0..<ClinicCalendar.searchLimitDays {
            let candidate = date.adding(days: offset)
            if isOpen(candidate) { return candidate }
        }
        // Unreachable: the initializer refuses closed dates that leave no open day in the limit.
        return date.adding(days: ClinicCalendar.searchLimitDays)
    }

    /// The dates whose follow-ups land on `date`: `date` itself and the closed days just before
    /// it (they move to the next open day, `nextOpenDay(onOrAfter:)`); nil when the clinic is
    /// closed on `date`, as nothing is moved onto a closed day. Lets a caller ask only for the
    /// sessions that can have a follow-up on a given day.
    public func datesMovedOnto(_ date: CalendarDate) -> ClosedRange<CalendarDate>? {
        guard isOpen(date) else { return nil }
        var first = date
        for _ in 0..<ClinicCalendar.searchLimitDays {
            let previous = first.adding(days: -1)
            guard !isOpen(previous) else { break }
            first = previous
        }
        return first...date
    }

    /// The clinic's calendar date at an instant.
    public func today(now: Date) -> CalendarDate { CalendarDate(now, in: timeZone) }

    /// The longest run of consecutive days with no open day. Only holidays on open weekdays can
    /// lengthen a run beyond the weekly pattern's (at most six days), so runs are built from them:
    /// the clinic's closed dates and the region's bank holidays of the years around them. Bank
    /// holidays alone close at most two of one weekday in a row (Christmas and New Year), so a
    /// long run always contains closed dates, and a holiday in it lies within a year of one.
    private static func longestClosedStretch(openWeekdays: Set<Weekday>, closedDates: Set<CalendarDate>,
                                             holidayRegion: HolidayRegion) -> Int {
        var closed = closedDates
        if holidayRegion != .none {
            let years = Set(closedDates.flatMap { [$0.year - 1, $0.year, $0.year + 1] })
            for year in years { closed.formUnion(BankHolidays.closingDays(in: year, region: holidayRegion)) }
        }
        func openWeekday(from start: CalendarDate, step: Int) -> CalendarDate {
            var date = start.adding(days: step)
            while !openWeekdays.contains(date.weekday) { date = date.adding(days: step) }
            return date
        }
        let holidays = closed.filter { openWeekdays.contains($0.weekday) }.sorted()
        var longest = 0
        var index = holidays.startIndex
        while index < holidays.endIndex {
            let first = holidays[index]
            var last = first
            index += 1
            while index < holidays.endIndex, holidays[index] == openWeekday(from: last, step: 1) {
                last = holidays[index]
                index += 1
            }
            let stretch = openWeekday(from: last, step: 1).days(since: openWeekday(from: first, step: -1)) - 1
            longest = max(longest, stretch)
        }
        return longest
    }
}
