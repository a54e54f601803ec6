import Foundation
import TenderpointCore
import Vapor

/// One weekly window a practitioner works, in clinic time: `{"weekday":"monday","start":"09:00","end":"17:00"}`.
/// The same shape is read by `PUT` (validated by `AvailabilityWindowDTO.checked`) and written by `GET`.
struct AvailabilityWindowDTO: Content, Equatable {
    let weekday: String
    let start: String
    let end: String

    init(weekday: String, start: String, end: String) {
        self.weekday = weekday
        self.start = start
        self.end = end
    }

    init(weekday: Weekday, hours: OpeningHours) {
        self.weekday = weekday.rawValue
        self.start = Self.clock(hours.open)
        self.end = Self.clock(hours.close)
    }

    /// `HH:MM` for a minute of the day (1440 is `24:00`, the end of the day).
    static func clock(_ minute: Int) -> String {
        let hour = minute / 60, rest = minute % 60
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }

    /// Minutes after midnight for `HH:MM` (00:00–24:00); nil for anything else.
    static func minute(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), minute < 60 else { return nil }
        let total = hour * 60 + minute
        return total <= 24 * 60 ? total : nil
    }
}

/// A free slot: `{"start": ISO instant, "end": ISO instant}`.
struct SlotDTO: Content, Equatable {
    let start: Date
    let end: Date
}
