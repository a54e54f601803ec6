import TenderpointCore

/// The demo's appointment book: which 10-minute steps of each practitioner's working day are
/// taken, so no two appointments of one practitioner overlap (the database refuses that too).
/// Practitioners work the clinic's opening hours within 09:00–17:00, as the demo's availability
/// rows say.
struct DemoSlotBook: Sendable {
    static let step = 10
    static let workStart = 9 * 60
    static let workEnd = 17 * 60

    private let calendar: ClinicCalendar
    /// Per practitioner: day number → a bit per taken 10-minute step from 09:00.
    private var taken: [[Int: UInt64]]

    init(practitioners: Int, calendar: ClinicCalendar) {
        self.calendar = calendar
        taken = Array(repeating: [:], count: practitioners)
    }

    /// The working minutes on a date (nil when the clinic is closed).
    func hours(on date: CalendarDate) -> (open: Int, close: Int)? {
        guard let hours = calendar.openingHours(on: date) else { return nil }
        let open = max(hours.open, Self.workStart), close = min(hours.close, Self.workEnd)
        return open < close ? (open, close) : nil
    }

    /// The first free start minute at or after `preferred` (wrapping round to the morning) for
    /// `minutes` minutes; nil when the practitioner's day is full or the clinic is closed.
    func freeStart(practitioner: Int, on date: CalendarDate, minutes: Int, preferred: Int) -> Int? {
        guard let hours = hours(on: date) else { return nil }
        let first = (hours.open - Self.workStart) / Self.step
        let last = (hours.close - Self.workStart) / Self.step  // exclusive
        let length = (minutes + Self.step - 1) / Self.step
        guard last - first >= length else { return nil }
        let mask = taken[practitioner][date.daysSinceEpoch] ?? 0
        let run: UInt64 = length >= 64 ? .max : (1 << UInt64(length)) - 1
        let starts = last - length - first + 1
        let offset = min(max((preferred - hours.open) / Self.step, 0), starts - 1)
        for index in 0..<starts {
            let start = first + (offset + index) % starts
            if mask & (run << UInt64(start)) == 0 { return Self.workStart + start * Self.step }
        }
        return nil
    }

    mutating func reserve(practitioner: Int, on date: CalendarDate, start: Int, minutes: Int) {
        let length = (minutes + Self.step - 1) / Self.step
        let run: UInt64 = (1 << UInt64(length)) - 1
        taken[practitioner][date.daysSinceEpoch, default: 0] |= run << UInt64((start - Self.workStart) / Self.step)
    }
}
