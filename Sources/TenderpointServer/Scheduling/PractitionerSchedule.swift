import Fluent
import Foundation
import TenderpointCore

/// When a practitioner can be booked: their weekly availability (rows of `availability`),
/// clipped to the clinic's opening hours and closed on the clinic's closed days. A practitioner
/// with no availability rows works the clinic's opening hours.
struct PractitionerSchedule: Sendable {
    let calendar: ClinicCalendar
    /// The practitioner's windows per weekday; nil when none are set (the clinic's hours apply).
    let windows: [Weekday: [OpeningHours]]?

    static func load(practitionerID: UUID, calendar: ClinicCalendar, on database: any Database) async throws -> PractitionerSchedule {
        let rows = try await AvailabilityModel.query(on: database)
            .filter(\.$practitioner.$id == practitionerID).all()
        guard !rows.isEmpty else { return PractitionerSchedule(calendar: calendar, windows: nil) }
        var windows: [Weekday: [OpeningHours]] = [:]
        for row in rows {
            guard let weekday = Weekday(rawValue: row.weekday),
                  let hours = try? OpeningHours(open: row.startMinute, close: row.endMinute) else { continue }
            windows[weekday, default: []].append(hours)
        }
        return PractitionerSchedule(calendar: calendar, windows: windows)
    }

    /// The practitioner's hours on `date` within the clinic's opening hours, earliest first.
    func hours(on date: CalendarDate) -> [OpeningHours] {
        guard let clinic = calendar.openingHours(on: date) else { return [] }
        guard let windows else { return [clinic] }
        return (windows[date.weekday] ?? []).compactMap { window in
            try? OpeningHours(open: max(window.open, clinic.open), close: min(window.close, clinic.close))
        }.sorted { $0.open < $1.open }
    }

    /// Free slots of `duration` minutes every `step` minutes in each of the day's windows
    /// (core `SlotFinder`), avoiding `booked`; earliest first.
    func freeSlots(on date: CalendarDate, duration: Int, step: Int, booked: [BookedInterval]) -> [BookedInterval] {
        var slots: [BookedInterval] = []
        for window in hours(on: date) {
            guard let restricted = calendar.restricting(date.weekday, to: window) else { continue }
            slots += SlotFinder.freeSlots(on: date, calendar: restricted, duration: duration, step: step, booked: booked)
        }
        var seen = Set<BookedInterval>()
        return slots.filter { seen.insert($0).inserted }.sorted { $0.start < $1.start }
    }
}
