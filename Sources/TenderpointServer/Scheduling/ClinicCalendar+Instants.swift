import Foundation
import TenderpointCore

extension ClinicCalendar {
    /// The instant of a wall-clock minute (540 = 09:00, 1440 = the next midnight) on a clinic
    /// date, resolved the way `SlotFinder` resolves opening hours, so a booking check and the
    /// slots offered agree on the days the clocks change.
    func instant(_ date: CalendarDate, minute: Int) -> Date {
        if minute >= 24 * 60 { return date.adding(days: 1).start(in: timeZone) }
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        let components = DateComponents(year: date.year, month: date.month, day: date.day,
                                        hour: minute / 60, minute: minute % 60)
        return gregorian.date(from: components)!
    }

    /// The clinic's opening hours on `date` as instants; nil when the clinic is closed.
    func openInterval(on date: CalendarDate) -> BookedInterval? {
        guard let hours = openingHours(on: date) else { return nil }
        return BookedInterval(start: instant(date, minute: hours.open), end: instant(date, minute: hours.close))
    }

    /// A copy whose opening hours on `weekday` are `hours` (a practitioner's window), so the
    /// core's slot finder can search inside it. Nil when the clinic is closed that weekday.
    func restricting(_ weekday: Weekday, to hours: OpeningHours) -> ClinicCalendar? {
        guard openWeekdays.contains(weekday) else { return nil }
        var replaced = openingHours
        replaced[weekday] = hours
        return try? ClinicCalendar(openWeekdays: openWeekdays, closedDates: closedDates, holidayRegion: holidayRegion, timeZone: timeZone,
                                   openingHours: replaced)
    }
}
