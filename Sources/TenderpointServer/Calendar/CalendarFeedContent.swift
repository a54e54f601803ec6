import Foundation
import TenderpointCore

/// What a feed says about each appointment. A feed lands on phones and third-party calendar
/// servers, so it says as little as is useful: a practitioner's shows the patient's initials and
/// the kind, a patient's the kind and the practitioner's name. No NHS number, no clinical data,
/// no notes.
enum CalendarFeedContent {
    /// From 30 days back (so a past week still reads right) to a year ahead.
    static let pastDays = 30
    static let futureDays = 365

    static func window(now: Date) -> (from: Date, to: Date) {
        (now.addingTimeInterval(-Double(pastDays) * 86_400), now.addingTimeInterval(Double(futureDays) * 86_400))
    }

    static func calendarName(_ owner: CalendarFeedOwner, practitionerName: String?) -> String {
        switch owner {
        case .practitioner: "Tenderpoint — \(practitionerName ?? "appointments")"
        case .patient: "Tenderpoint — my appointments"
        }
    }

    static func event(_ appointment: AppointmentDTO, for owner: CalendarFeedOwner) -> ICalendarWriter.Event {
        let kind = WebFormat.kind(appointment.kind)
        var summary: String
        switch owner {
        case .practitioner: summary = "\(initials(appointment.patientName)) · \(kind)"
        case .patient: summary = "\(kind) with \(appointment.practitionerName)"
        }
        let cancelled = appointment.status == .cancelled
        // Some calendar apps show a cancelled event like any other; the summary says it too.
        if cancelled { summary = "Cancelled: " + summary }
        return ICalendarWriter.Event(uid: "\(appointment.id.uuidString.lowercased())@tenderpoint", start: appointment.start,
                                     end: appointment.end, summary: summary, status: cancelled ? .cancelled : .confirmed)
    }

    /// "Ada Lovelace" → "AL"; "Mary-Jane van Dijk" → "MVD": the first letter of each name word.
    static func initials(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " }).compactMap(\.first).map { $0.uppercased() }.joined()
    }
}
