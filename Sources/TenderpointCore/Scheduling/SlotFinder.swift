import Foundation

/// Free appointment slots on a clinic day, and the double-booking rule.
public enum SlotFinder {
    /// The double-booking rule: two half-open intervals overlap when they share an instant.
    /// Touching intervals (one's end is the other's start) do not overlap, and an empty interval
    /// (end not after start) overlaps nothing.
    public static func overlaps(_ a: BookedInterval, _ b: BookedInterval) -> Bool {
        max(a.start, b.start) < min(a.end, b.end)
    }

    /// Slots of `duration` minutes starting at opening time and every `step` minutes after it,
    /// that end by closing time and overlap no `booked` interval; none on a closed day, and none
    /// when `duration` or `step` is not positive.
    ///
    /// Opening and closing are wall-clock times in the clinic's time zone, so on the days the
    /// clocks change 09:00 is still 09:00 local time. Slots step in elapsed time from the
    /// opening instant, so a day whose opening hours span the change has one hour fewer (spring)
    /// or more (autumn) of slots. A wall time the clock skips counts as the same time after the
    /// jump (01:30 becomes 02:30 summer time); a wall time that occurs twice is its first.
    public static func freeSlots(on date: CalendarDate, calendar: ClinicCalendar, duration: Int, step: Int,
                                 booked: [BookedInterval]) -> [BookedInterval] {
        guard duration > 0, step > 0, let hours = calendar.openingHours(on: date) else { return [] }
        let opening = instant(date, minutes: hours.open, in: calendar.timeZone)
        let closing = instant(date, minutes: hours.close, in: calendar.timeZone)
        var slots: [BookedInterval] = []
        var start = opening
        while true {
            let slot = BookedInterval(start: start, minutes: duration)
            guard slot.end <= closing else { break }
            if !booked.contains(where: { overlaps($0, slot) }) { slots.append(slot) }
            start = start.addingTimeInterval(Double(step) * 60)
        }
        return slots
    }

    private static func instant(_ date: CalendarDate, minutes: Int, in timeZone: TimeZone) -> Date {
        if minutes == 24 * 60 { return date.adding(days: 1).start(in: timeZone) }
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        let components = DateComponents(year: date.year, month: date.month, day: date.day,
                                        hour: minutes / 60, minute: minutes % 60)
        return gregorian.date(from: components)!
    }
}
