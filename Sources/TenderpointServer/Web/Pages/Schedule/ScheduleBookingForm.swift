import Foundation
import TenderpointCore
import Vapor

/// The booking form's fields as typed (kept as text, so a refused form shows again exactly),
/// and the JSON body of `POST /api/appointments` that `AppointmentController.create` checks:
/// the interval rule, opening hours and double booking stay the API's.
struct ScheduleBookingForm: Sendable, Equatable {
    static let defaultMinutes = AvailabilityController.defaultSlotMinutes

    var patientID = ""
    var patientQuery = ""
    var practitionerID = ""
    var kind = AppointmentKind.assessment.rawValue
    var date = ""
    var time = ""
    var duration = String(defaultMinutes)
    var note = ""
    var overrideReason = ""

    init() {}

    /// Prefilled from a slot's link: `?practitioner=&date=&time=` and optionally `patient`, `kind`, `duration`.
    init(query: (String) -> String?) {
        patientID = query("patient") ?? ""
        practitionerID = query("practitioner") ?? ""
        kind = query("kind").flatMap { AppointmentKind(rawValue: $0)?.rawValue } ?? kind
        date = query("date") ?? ""
        time = query("time") ?? ""
        duration = query("duration") ?? duration
    }

    init(_ form: WebForm) {
        patientID = form["patientId"] ?? ""
        patientQuery = form["patientQuery"] ?? ""
        practitionerID = form["practitionerId"] ?? ""
        kind = form["kind"] ?? ""
        date = form["date"] ?? ""
        time = form["time"] ?? ""
        duration = form["duration"] ?? ""
        note = form["note"] ?? ""
        overrideReason = form["overrideReason"] ?? ""
    }

    /// The chosen clinic date, when it is one.
    var calendarDate: CalendarDate? { CalendarDate(iso: date.trimmingCharacters(in: .whitespaces)) }

    /// The API's body, and the form's own problems (what the API cannot be sent: no patient
    /// chosen, a date or time that is not one, a duration that is not a number). Each of those
    /// leaves a required field of the body empty, so the API refuses the body too: a form with
    /// any problem of its own can never book.
    func input(calendar: ClinicCalendar) -> (input: AppointmentInput, errors: [String: String]) {
        var errors: [String: String] = [:]
        var input = AppointmentInput()
        let patient = patientID.trimmingCharacters(in: .whitespaces)
        if patient.isEmpty {
            errors["patientId"] = "Choose a patient: find them by name or NHS number, then pick one."
        } else {
            input.patientId = patient
        }
        input.practitionerId = practitionerID
        input.kind = kind
        // A browser's time input may send seconds ("09:30:00").
        var clock = time.trimmingCharacters(in: .whitespaces)
        if clock.count == 8, clock.hasSuffix(":00") { clock = String(clock.prefix(5)) }
        let minute = AvailabilityWindowDTO.minute(clock)
        switch (calendarDate, minute) {
        case (let date?, let minute?) where minute < 24 * 60:
            input.start = JSONCoding.formatInstant(calendar.instant(date, minute: minute))
        case (nil, _):
            errors["start"] = "Enter the date as YYYY-MM-DD, such as \(Self.example)."
        default:
            errors["start"] = "Enter the time as HH:MM on the 24-hour clock, such as 09:30."
        }
        if let minutes = Int(duration.trimmingCharacters(in: .whitespaces)) {
            input.durationMinutes = minutes
        } else {
            errors["duration"] = "Enter the length in whole minutes, such as 30."
        }
        let trimmedNote = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmedNote.isEmpty { input.note = note }
        if !overrideReason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            input.override = AppointmentOverrideInput(reason: overrideReason)
        }
        return (input, errors)
    }

    private static let example = "2026-05-04"

    /// The form field beside which an API problem is shown.
    static func formField(_ field: String?) -> String {
        switch field {
        case "patientId": "patientId"
        case "practitionerId": "practitionerId"
        case "kind": "kind"
        case "durationMinutes": "duration"
        case "note": "note"
        case "override", "override.reason": "overrideReason"
        default: "start"
        }
    }
}
