import Foundation
import Testing
@testable import TenderpointCore

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

private func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

private func interval(_ start: String, _ end: String) -> BookedInterval {
    BookedInterval(start: instant(start), end: instant(end))
}

/// Slot starts as UTC ISO strings.
private func starts(_ slots: [BookedInterval]) -> [String] {
    let formatter = ISO8601DateFormatter()
    return slots.map { formatter.string(from: $0.start) }
}

private let everyDay = try! ClinicCalendar(openWeekdays: Set(Weekday.allCases))

// MARK: - overlaps

@Test(arguments: [
    // (a, b, overlaps)
    (interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"), interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"), true),   // identical
    (interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"), interval("2026-01-12T10:15:00Z", "2026-01-12T10:30:00Z"), true),   // contains
    (interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"), interval("2026-01-12T10:59:00Z", "2026-01-12T11:30:00Z"), true),   // one minute shared
    (interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"), interval("2026-01-12T11:00:00Z", "2026-01-12T11:30:00Z"), false),  // touching
    (interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"), interval("2026-01-12T09:30:00Z", "2026-01-12T10:00:00Z"), false),  // touching before
    (interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"), interval("2026-01-12T12:00:00Z", "2026-01-12T13:00:00Z"), false),  // apart
    (interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"), interval("2026-01-12T10:30:00Z", "2026-01-12T10:30:00Z"), false),  // empty inside
])
func overlapsIsHalfOpenAndSymmetric(a: BookedInterval, b: BookedInterval, expected: Bool) {
    #expect(SlotFinder.overlaps(a, b) == expected)
    #expect(SlotFinder.overlaps(b, a) == expected)
}

// MARK: - free slots

@Test func emptyWinterDay() {
    // Monday 2026-01-12, GMT: 09:00–17:00 local is 09:00Z–17:00Z; 8 hours of 30-minute slots = 16.
    let slots = SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: 30, step: 30, booked: [])
    #expect(slots.count == 16)
    #expect(slots.first == interval("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z"))
    #expect(slots.last == interval("2026-01-12T16:30:00Z", "2026-01-12T17:00:00Z"))
}

@Test func durationLongerThanStep() {
    // 45-minute slots every 15 minutes: the last start that ends by 17:00 is 16:15;
    // starts 09:00…16:15 are (975 − 540) / 15 + 1 = 30.
    let slots = SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: 45, step: 15, booked: [])
    #expect(slots.count == 30)
    #expect(slots.last == interval("2026-01-12T16:15:00Z", "2026-01-12T17:00:00Z"))
}

@Test func summerDayIsOneHourEarlierInUTC() {
    // Monday 2026-06-15, BST (UTC+1): 09:00 local is 08:00Z.
    let slots = SlotFinder.freeSlots(on: day("2026-06-15"), calendar: .standard, duration: 60, step: 60, booked: [])
    #expect(starts(slots) == (8...15).map { "2026-06-15T\($0 < 10 ? "0" : "")\($0):00:00Z" })
}

@Test func bookedIntervalInTheMiddle() {
    let booked = [interval("2026-01-12T11:00:00Z", "2026-01-12T12:00:00Z")]
    let slots = SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: 30, step: 30, booked: booked)
    #expect(slots.count == 14)   // 16 − 11:00 − 11:30
    let free = starts(slots)
    #expect(!free.contains("2026-01-12T11:00:00Z"))
    #expect(!free.contains("2026-01-12T11:30:00Z"))
    // Touching the booking on either side is free.
    #expect(free.contains("2026-01-12T10:30:00Z"))
    #expect(free.contains("2026-01-12T12:00:00Z"))
}

@Test func bookingBlocksEverySlotItOverlaps() {
    // 30-minute slots every 15 minutes, 09:00…16:30 → (990 − 540) / 15 + 1 = 31 starts.
    // A booking 11:00–12:00 removes 10:45, 11:00, 11:15, 11:30, 11:45 → 26.
    let booked = [interval("2026-01-12T11:00:00Z", "2026-01-12T12:00:00Z")]
    let slots = SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: 30, step: 15, booked: booked)
    #expect(slots.count == 26)
    let free = starts(slots)
    #expect(free.contains("2026-01-12T10:30:00Z"))
    #expect(!free.contains("2026-01-12T10:45:00Z"))
    #expect(!free.contains("2026-01-12T11:45:00Z"))
    #expect(free.contains("2026-01-12T12:00:00Z"))
}

@Test func shortBookingAndOtherDaysBookings() {
    let booked = [
        interval("2026-01-12T11:10:00Z", "2026-01-12T11:20:00Z"),   // inside the 11:00 slot only
        interval("2026-01-11T09:00:00Z", "2026-01-11T17:00:00Z"),   // the day before
        interval("2026-01-12T17:00:00Z", "2026-01-12T18:00:00Z"),   // after closing, touching
    ]
    let slots = SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: 30, step: 30, booked: booked)
    #expect(slots.count == 15)
    #expect(!starts(slots).contains("2026-01-12T11:00:00Z"))
}

@Test func clocksGoForward() throws {
    // Sunday 2026-03-29: at 01:00Z London goes from GMT to BST, so 09:00 local is 08:00Z and
    // 17:00 local is 16:00Z; still 8 hours, 16 slots.
    let slots = SlotFinder.freeSlots(on: day("2026-03-29"), calendar: everyDay, duration: 30, step: 30, booked: [])
    #expect(slots.count == 16)
    #expect(slots.first?.start == instant("2026-03-29T08:00:00Z"))
    #expect(slots.last?.end == instant("2026-03-29T16:00:00Z"))
    // The day before is still GMT.
    let saturday = SlotFinder.freeSlots(on: day("2026-03-28"), calendar: everyDay, duration: 30, step: 30, booked: [])
    #expect(saturday.first?.start == instant("2026-03-28T09:00:00Z"))
    // Hours spanning the change: 00:00 GMT (00:00Z) to 04:00 BST (03:00Z) is 3 hours, not 4.
    let night = try ClinicCalendar(openWeekdays: [.sunday], openingHours: [.sunday: OpeningHours(open: 0, close: 240)])
    let hourly = SlotFinder.freeSlots(on: day("2026-03-29"), calendar: night, duration: 60, step: 60, booked: [])
    #expect(starts(hourly) == ["2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"])
}

@Test func clocksGoBack() throws {
    // Sunday 2026-10-25: at 01:00Z London goes from BST back to GMT, so 09:00 local is 09:00Z.
    let slots = SlotFinder.freeSlots(on: day("2026-10-25"), calendar: everyDay, duration: 30, step: 30, booked: [])
    #expect(slots.count == 16)
    #expect(slots.first?.start == instant("2026-10-25T09:00:00Z"))
    #expect(slots.last?.end == instant("2026-10-25T17:00:00Z"))
    // The day before is still BST.
    let saturday = SlotFinder.freeSlots(on: day("2026-10-24"), calendar: everyDay, duration: 30, step: 30, booked: [])
    #expect(saturday.first?.start == instant("2026-10-24T08:00:00Z"))
    // Hours spanning the change: 00:00 BST (23:00Z the day before) to 04:00 GMT (04:00Z) is 5 hours.
    let night = try ClinicCalendar(openWeekdays: [.sunday], openingHours: [.sunday: OpeningHours(open: 0, close: 240)])
    let hourly = SlotFinder.freeSlots(on: day("2026-10-25"), calendar: night, duration: 60, step: 60, booked: [])
    #expect(starts(hourly) == ["2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z",
                               "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z"])
}

@Test func closingAtMidnight() throws {
    let evening = try ClinicCalendar(openingHours: [.monday: OpeningHours(open: 20 * 60, close: 24 * 60)])
    let slots = SlotFinder.freeSlots(on: day("2026-01-12"), calendar: evening, duration: 120, step: 120, booked: [])
    #expect(slots == [interval("2026-01-12T20:00:00Z", "2026-01-12T22:00:00Z"),
                      interval("2026-01-12T22:00:00Z", "2026-01-13T00:00:00Z")])
}

@Test(arguments: ["2026-01-10", "2026-01-11", "2026-05-04"])
func closedDayHasNoSlots(date: String) throws {
    let calendar = try ClinicCalendar(closedDates: [day("2026-05-04")])
    #expect(SlotFinder.freeSlots(on: day(date), calendar: calendar, duration: 30, step: 30, booked: []).isEmpty)
}

@Test func fullyBookedOrOversizedGivesNoSlots() {
    let allDay = [interval("2026-01-12T09:00:00Z", "2026-01-12T17:00:00Z")]
    #expect(SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: 30, step: 30, booked: allDay).isEmpty)
    // Exactly the opening hours fits once; one minute more never fits.
    #expect(SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: 480, step: 30, booked: []).count == 1)
    #expect(SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: 481, step: 30, booked: []).isEmpty)
}

@Test(arguments: [(0, 30), (30, 0), (-30, 30), (30, -15)])
func nonPositiveDurationOrStepGivesNoSlots(duration: Int, step: Int) {
    #expect(SlotFinder.freeSlots(on: day("2026-01-12"), calendar: .standard, duration: duration, step: step, booked: []).isEmpty)
}
