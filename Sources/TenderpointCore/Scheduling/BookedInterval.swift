import Foundation

/// A span of time, half-open: it includes `start` and excludes `end`, so an appointment ending
/// at 10:00 and one starting at 10:00 do not overlap. Used both for booked appointments and for
/// the free slots `SlotFinder` offers. (Not `TimeInterval`, which Foundation already names.)
public struct BookedInterval: Hashable, Sendable, Codable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public init(start: Date, minutes: Int) {
        self.init(start: start, end: start.addingTimeInterval(Double(minutes) * 60))
    }
}
