import Foundation
import Testing
@testable import TenderpointCore

@Test func intervalFromMinutes() throws {
    let start = try #require(ISO8601DateFormatter().date(from: "2026-01-12T09:00:00Z"))
    let interval = BookedInterval(start: start, minutes: 45)
    #expect(interval.end == ISO8601DateFormatter().date(from: "2026-01-12T09:45:00Z"))
}
