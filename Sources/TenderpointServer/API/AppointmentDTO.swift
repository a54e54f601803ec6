import Foundation
import TenderpointCore
import Vapor

/// An appointment as the API shows it, with the practitioner's and the patient's names so a day
/// list needs no further requests.
struct AppointmentDTO: Content, Equatable {
    let id: UUID
    let practitionerId: UUID
    let practitionerName: String
    let patientId: UUID
    let patientName: String
    let start: Date
    let end: Date
    let durationMinutes: Int
    let kind: AppointmentKind
    let status: AppointmentStatus
    let note: String?
    /// Set when a clinician booked an injection inside the minimum interval.
    let overrideReason: String?
    /// The session whose follow-up this is.
    let sessionId: UUID?
    let createdAt: Date?
}

/// `{"reason": "…"}`: a clinician's written reason to book an injection inside the 84 days.
struct AppointmentOverrideInput: Content {
    var reason: String?
}

/// `POST /api/appointments`. Every field is optional here so that all missing and bad fields are
/// reported at once.
struct AppointmentInput: Content {
    var practitionerId: String?
    var patientId: String?
    var start: String?
    var durationMinutes: Int?
    var kind: String?
    var note: String?
    var override: AppointmentOverrideInput?

    static let durationRange = 5...240
    static let noteLimit = 1000
    static let reasonLimit = 1000

    /// The checked request, before anything that needs the database.
    struct Checked {
        let practitionerID: UUID
        let patientID: UUID
        let interval: BookedInterval
        let kind: AppointmentKind
        let note: String?
        let overrideReason: String?
    }

    func checked(now: Date, timeZone: TimeZone) throws -> Checked {
        var problems: [Problem] = []
        let practitioner = Self.uuid(practitionerId, "practitionerId", &problems)
        let patient = Self.uuid(patientId, "patientId", &problems)
        let startInstant = Self.futureInstant(start, "start", now: now, timeZone: timeZone, &problems)
        let minutes = Self.duration(durationMinutes, required: true, &problems)
        var kindValue: AppointmentKind?
        if let kind {
            kindValue = AppointmentKind(rawValue: kind)
            if kindValue == nil {
                problems.append(Problem(.unknownIdentifier, "kind must be one of \(AppointmentKind.list).", field: "kind"))
            }
        } else {
            problems.append(Problem(.invalidValue, "kind is required.", field: "kind"))
        }
        let noteText = Self.note(note, &problems)
        let reason = Self.reason(override, &problems)
        guard problems.isEmpty, let practitioner, let patient, let startInstant, let minutes, let kindValue else {
            throw Problems(problems)
        }
        return Checked(practitionerID: practitioner, patientID: patient,
                       interval: BookedInterval(start: startInstant, minutes: minutes), kind: kindValue,
                       note: noteText, overrideReason: reason)
    }

    static func uuid(_ text: String?, _ field: String, _ problems: inout [Problem]) -> UUID? {
        guard let text else {
            problems.append(Problem(.invalidValue, "\(field) is required.", field: field))
            return nil
        }
        guard let id = UUID(uuidString: text) else {
            problems.append(Problem(.invalidValue, "\(field) must be a UUID.", field: field))
            return nil
        }
        return id
    }

    /// An ISO 8601 instant that is not in the past (an appointment is booked ahead) and at most
    /// the core's horizon ahead (`Bounded.appointmentStart`).
    static func futureInstant(_ text: String?, _ field: String, now: Date, timeZone: TimeZone, _ problems: inout [Problem]) -> Date? {
        guard let text else {
            problems.append(Problem(.invalidValue, "\(field) is required.", field: field))
            return nil
        }
        guard let instant = JSONCoding.parseInstant(text) else {
            problems.append(Problem(.invalidDate, "\(field) must be an ISO 8601 date-time such as 2026-05-04T09:30:00Z.", field: field))
            return nil
        }
        if instant < now {
            problems.append(Problem(.invalidDate, "\(field) \(text) is in the past.", field: field))
            return nil
        }
        if let problem = Bounded.appointmentStart(instant, now: now, timeZone: timeZone, field: field) {
            problems.append(problem)
            return nil
        }
        return instant
    }

    static func duration(_ minutes: Int?, required: Bool, _ problems: inout [Problem]) -> Int? {
        guard let minutes else {
            if required { problems.append(Problem(.invalidValue, "durationMinutes is required.", field: "durationMinutes")) }
            return nil
        }
        guard durationRange.contains(minutes) else {
            problems.append(Problem(.valueOutOfRange,
                                    "durationMinutes must be \(durationRange.lowerBound)–\(durationRange.upperBound); got \(minutes).",
                                    field: "durationMinutes"))
            return nil
        }
        return minutes
    }

    /// The trimmed note; nil when empty.
    static func note(_ text: String?, _ problems: inout [Problem]) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count > noteLimit {
            problems.append(Problem(.invalidValue, "note is longer than \(noteLimit) characters.", field: "note"))
            return nil
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The override's reason as given (the core trims it and refuses a blank one).
    static func reason(_ override: AppointmentOverrideInput?, _ problems: inout [Problem]) -> String? {
        guard let override else { return nil }
        let reason = override.reason ?? ""
        if reason.count > reasonLimit {
            problems.append(Problem(.invalidValue, "override.reason is longer than \(reasonLimit) characters.", field: "override.reason"))
        }
        return reason
    }
}

/// `PATCH /api/appointments/{id}`: a new status, or a move (start and/or duration), and the note.
struct AppointmentPatch: Content {
    var status: String?
    var start: String?
    var durationMinutes: Int?
    var note: String?
    var override: AppointmentOverrideInput?

    /// Statuses a PATCH may set; `booked` is where every appointment starts.
    static let settable: [AppointmentStatus] = [.cancelled, .attended, .noShow]

    struct Checked {
        let status: AppointmentStatus?
        let start: Date?
        let durationMinutes: Int?
        /// Whether the request sets the note (an empty one clears it).
        let changesNote: Bool
        let note: String?
        let overrideReason: String?
        var moves: Bool { start != nil || durationMinutes != nil }
    }

    func checked(now: Date, timeZone: TimeZone) throws -> Checked {
        var problems: [Problem] = []
        var statusValue: AppointmentStatus?
        if let status {
            statusValue = AppointmentStatus(rawValue: status)
            if statusValue == nil || !Self.settable.contains(statusValue!) {
                statusValue = nil
                problems.append(Problem(.unknownIdentifier,
                                        "status must be one of \(Self.settable.map(\.rawValue).joined(separator: ", ")).",
                                        field: "status"))
            }
        }
        let startInstant = start == nil ? nil : AppointmentInput.futureInstant(start, "start", now: now, timeZone: timeZone, &problems)
        let minutes = AppointmentInput.duration(durationMinutes, required: false, &problems)
        let noteText = AppointmentInput.note(note, &problems)
        let reason = AppointmentInput.reason(override, &problems)
        if status != nil, start != nil || durationMinutes != nil {
            problems.append(Problem(.invalidValue, "Change the status or move the appointment, not both at once.", field: "status"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return Checked(status: statusValue, start: startInstant, durationMinutes: minutes,
                       changesNote: note != nil, note: noteText, overrideReason: reason)
    }
}
