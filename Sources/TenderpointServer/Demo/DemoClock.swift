import Foundation
import TenderpointCore

/// Clinic wall-clock times as instants, fast enough for millions of diary entries: the clinic's
/// UTC offset is looked up once per day (at noon) instead of asking `Calendar` for every entry.
/// That is exact for every time the demo uses (07:00–23:00), because clocks change at night.
struct DemoClock: Sendable {
    let today: CalendarDate
    let timeZone: TimeZone
    private let firstDay: Int
    private let offsets: [Int]

    /// Covers `daysBefore` days before today to `daysAfter` after; other days are computed on demand.
    init(today: CalendarDate, timeZone: TimeZone, daysBefore: Int = 450, daysAfter: Int = 200) {
        self.today = today
        self.timeZone = timeZone
        firstDay = today.daysSinceEpoch - daysBefore
        offsets = (0...(daysBefore + daysAfter)).map { index in
            Self.offsetAtNoon(day: today.daysSinceEpoch - daysBefore + index, timeZone: timeZone)
        }
    }

    /// The instant of `minute` (540 = 09:00) on a clinic date.
    func instant(_ date: CalendarDate, minute: Int) -> Date {
        let day = date.daysSinceEpoch
        let index = day - firstDay
        let offset = offsets.indices.contains(index) ? offsets[index] : Self.offsetAtNoon(day: day, timeZone: timeZone)
        return Date(timeIntervalSince1970: TimeInterval(day * 86_400 + minute * 60 - offset))
    }

    private static func offsetAtNoon(day: Int, timeZone: TimeZone) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(day * 86_400 + 12 * 3600)))
    }
}
