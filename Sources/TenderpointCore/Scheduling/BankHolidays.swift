import Foundation

/// The bank holidays of England and Wales, Scotland and Northern Ireland, computed by rule
/// (DOMAIN.md §3, "Public holidays"; the Banking and Financial Dealings Act 1971 and the
/// yearly proclamations that follow it):
///
/// | holiday | England and Wales | Scotland | Northern Ireland |
/// |---|---|---|---|
/// | New Year's Day, 1 January | ✓ | ✓ | ✓ |
/// | 2 January | | ✓ | |
/// | St Patrick's Day, 17 March | | | ✓ |
/// | Good Friday (Easter Sunday − 2) | ✓ | ✓ | ✓ |
/// | Easter Monday (Easter Sunday + 1) | ✓ | | ✓ |
/// | Early May: first Monday of May | ✓ | ✓ | ✓ |
/// | Spring: last Monday of May | ✓ | ✓ | ✓ |
/// | Battle of the Boyne, 12 July | | | ✓ |
/// | Summer: first Monday of August | | ✓ | |
/// | Summer: last Monday of August | ✓ | | ✓ |
/// | St Andrew's Day, 30 November | | ✓ | |
/// | Christmas Day, 25 December | ✓ | ✓ | ✓ |
/// | Boxing Day, 26 December | ✓ | ✓ | ✓ |
///
/// A holiday on a Saturday or Sunday is taken on a substitute day: the next weekday that is not
/// already a holiday (Christmas Day on a Saturday → Monday 27, Boxing Day on the Sunday →
/// Tuesday 28; Christmas Day on a Sunday → Tuesday 27, as Monday 26 is Boxing Day). Easter is
/// the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
///
/// Today's rules are applied to every year; the one-off changes of the published lists (a
/// holiday moved for VE Day in 2020 or a jubilee in 2022, an extra day for a coronation, a state
/// funeral, or Scotland's World Cup holiday of 15 June 2026) are not rules, and a clinic enters
/// them as closed dates.
public enum BankHolidays {
    /// A year's holidays in the region, in the order of their observed days; none for `none`
    /// and for a year outside 1…9999 (`CalendarDate`'s range).
    public static func holidays(in year: Int, region: HolidayRegion) -> [BankHoliday] {
        guard region != .none, (1...9999).contains(year) else { return [] }
        var days: [(name: String, date: CalendarDate)] = []
        func add(_ name: String, _ date: CalendarDate?) {
            if let date { days.append((name, date)) }
        }
        add("New Year's Day", CalendarDate(year: year, month: 1, day: 1))
        if region == .scotland { add("2 January", CalendarDate(year: year, month: 1, day: 2)) }
        if region == .northernIreland { add("St Patrick's Day", CalendarDate(year: year, month: 3, day: 17)) }
        if let easter = easterSunday(year) {
            add("Good Friday", easter.adding(days: -2))
            if region != .scotland { add("Easter Monday", easter.adding(days: 1)) }
        }
        add("Early May bank holiday", monday(.first, month: 5, year: year))
        add("Spring bank holiday", monday(.last, month: 5, year: year))
        if region == .northernIreland { add("Battle of the Boyne (Orangemen's Day)", CalendarDate(year: year, month: 7, day: 12)) }
        add("Summer bank holiday", monday(region == .scotland ? .first : .last, month: 8, year: year))
        if region == .scotland { add("St Andrew's Day", CalendarDate(year: year, month: 11, day: 30)) }
        add("Christmas Day", CalendarDate(year: year, month: 12, day: 25))
        add("Boxing Day", CalendarDate(year: year, month: 12, day: 26))

        // Weekday holidays keep their day; then each weekend one, in date order, takes the next
        // weekday not already taken.
        var taken = Set(days.filter { !isWeekend($0.date) }.map(\.date))
        var result: [BankHoliday] = []
        for day in days.sorted(by: { $0.date < $1.date }) {
            var observed = day.date
            if isWeekend(day.date) {
                observed = day.date.adding(days: 1)
                while isWeekend(observed) || taken.contains(observed) { observed = observed.adding(days: 1) }
                taken.insert(observed)
            }
            result.append(BankHoliday(name: day.name, date: day.date, observed: observed))
        }
        return result.sorted { ($0.observed, $0.date) < ($1.observed, $1.date) }
    }

    /// The published list: the year's bank holidays as the weekdays taken off, in order.
    public static func dates(in year: Int, region: HolidayRegion) -> [CalendarDate] {
        holidays(in: year, region: region).map(\.observed)
    }

    /// The days a clinic of the region closes for its holidays in a year: every observed day
    /// and, for a clinic open at weekends, the day itself when it falls on a Saturday or Sunday
    /// (Christmas Day on a Saturday closes the Saturday and Monday 27). Every one lies in `year`
    /// (a substitute never crosses into the next year). Computed once per year and region.
    public static func closingDays(in year: Int, region: HolidayRegion) -> Set<CalendarDate> {
        guard region != .none else { return [] }
        return cache.closingDays(year: year, region: region)
    }

    /// True when `date` is one of the region's holidays or their substitute days.
    public static func closes(_ date: CalendarDate, region: HolidayRegion) -> Bool {
        region != .none && cache.closingDays(year: date.year, region: region).contains(date)
    }

    /// Easter Sunday by the anonymous Gregorian algorithm; nil outside 1…9999.
    public static func easterSunday(_ year: Int) -> CalendarDate? {
        guard (1...9999).contains(year) else { return nil }
        let a = year % 19
        let b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }

    private enum Which { case first, last }

    /// The first or last Monday of a month.
    private static func monday(_ which: Which, month: Int, year: Int) -> CalendarDate? {
        switch which {
        case .first:
            guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
            return first.adding(days: (7 - mondayIndex(first)) % 7)
        case .last:
            guard let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) else { return nil }
            return last.adding(days: -mondayIndex(last))
        }
    }

    /// Days since the Monday of the date's week (0 on a Monday, 6 on a Sunday).
    private static func mondayIndex(_ date: CalendarDate) -> Int {
        Weekday.allCases.firstIndex(of: date.weekday) ?? 0
    }

    private static func isWeekend(_ date: CalendarDate) -> Bool {
        date.weekday == .saturday || date.weekday == .sunday
    }

    private static let cache = Cache()

    /// Each year's closing days, computed on first use. `ClinicCalendar.isOpen` runs in loops
    /// (follow-up moves, slot searches, the Today page), so the year's rules are not re-run for
    /// every day asked about. Bounded: past `capacity` entries a year is computed without being kept.
    private final class Cache: @unchecked Sendable {
        private struct Key: Hashable {
            let year: Int
            let region: HolidayRegion
        }

        private let capacity = 4096
        private let lock = NSLock()
        private var years: [Key: Set<CalendarDate>] = [:]

        func closingDays(year: Int, region: HolidayRegion) -> Set<CalendarDate> {
            let key = Key(year: year, region: region)
            lock.lock()
            let hit = years[key]
            lock.unlock()
            if let hit { return hit }
            var days: Set<CalendarDate> = []
            for holiday in BankHolidays.holidays(in: year, region: region) {
                days.insert(holiday.date)
                days.insert(holiday.observed)
            }
            lock.lock()
            if years.count < capacity { years[key] = days }
            lock.unlock()
            return days
        }
    }
}
