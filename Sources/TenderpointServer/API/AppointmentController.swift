import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Booking, listing, reading, cancelling and moving appointments.
struct AppointmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let appointments = routes.grouped("appointments")
        appointments.post(use: create)
        appointments.get(use: list)
        appointments.get(":appointmentID", use: read)
        appointments.patch(":appointmentID", use: update)
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        let user = try await request.authorize(.writeAppointments, resource: "Appointment")
        let input = try request.content.decode(AppointmentInput.self)
        let now = Date()
        let checked = try input.checked(now: now, timeZone: request.application.tenderpoint.clinicTimeZone)
        let calendar = try await request.schedulingCalendar()

        var problems: [APIError.Item] = []
        if let practitionerProblem = try await Self.practitionerProblem(checked.practitionerID, request: request) {
            problems.append(practitionerProblem)
        }
        if try await PatientModel.find(checked.patientID, on: request.db) == nil {
            problems.append(APIError.Item(code: Problem.Code.unknownIdentifier.rawValue,
                                          message: "No patient \(checked.patientID) exists.", field: "patientId"))
        }
        if let hoursProblem = Self.openingHoursProblem(checked.interval, calendar: calendar, field: "start") {
            problems.append(hoursProblem)
        }
        guard problems.isEmpty else { throw APIError(.unprocessableEntity, items: problems) }

        let appointment = AppointmentModel()
        let id = UUID()
        appointment.id = id
        appointment.$practitioner.id = checked.practitionerID
        appointment.$patient.id = checked.patientID
        appointment.startAt = checked.interval.start
        appointment.endAt = checked.interval.end
        appointment.kind = checked.kind.rawValue
        appointment.status = AppointmentStatus.booked.rawValue
        appointment.note = checked.note
        let override = checked.overrideReason.map { ReinjectionOverride(reason: $0, by: user.role) }

        try await request.db.writeTransaction(locking: Self.locks(patient: checked.patientID, practitioner: checked.practitionerID)) { database in
            var overrideReason: String?
            if checked.kind == .injection {
                let decision = try await InjectionIntervalCheck.decide(
                    proposed: CalendarDate(checked.interval.start, in: calendar.timeZone), patientID: checked.patientID,
                    excluding: nil, override: override, timeZone: calendar.timeZone, on: database)
                if case .overridden(let reason, _) = decision { overrideReason = reason }
            }
            appointment.overrideReason = overrideReason
            try await AppointmentBooking.insert(appointment, on: database)
            try await AuditLog.insert(request.auditEntry(.create, "Appointment", id: id, patient: checked.patientID,
                                                         detail: checked.kind.rawValue), on: database)
            if let overrideReason {
                try await AuditLog.insert(request.auditEntry(.override, "Appointment", id: id, patient: checked.patientID,
                                                             detail: overrideReason), on: database)
            }
        }
        guard let dto = try await AppointmentQueries.find(id, on: request.db) else { throw APIError.notFound("Appointment \(id)") }
        return try await dto.encodeResponse(status: .created, for: request)
    }

    /// `GET /api/appointments?practitionerId=&patientId=&from=&to=&status=&limit=&offset=`. `from`
    /// and `to` are instants or clinic dates (`to` as a date includes that whole day). A patient
    /// sees only their own appointments.
    @Sendable
    func list(request: Request) async throws -> Listing<AppointmentDTO> {
        struct Query: Decodable {
            var practitionerId: String?
            var patientId: String?
            var from: String?
            var to: String?
            var status: String?
        }
        let user = try request.requireUser()
        let query = try request.query.decode(Query.self)
        let timeZone = request.application.tenderpoint.clinicTimeZone
        var problems: [Problem] = []
        var filter = AppointmentQueries.Filter()
        if let text = query.practitionerId {
            filter.practitionerID = UUID(uuidString: text)
            if filter.practitionerID == nil { problems.append(Problem(.invalidValue, "practitionerId must be a UUID.", field: "practitionerId")) }
        }
        if let text = query.patientId {
            filter.patientID = UUID(uuidString: text)
            if filter.patientID == nil { problems.append(Problem(.invalidValue, "patientId must be a UUID.", field: "patientId")) }
        }
        filter.from = Self.bound(query.from, "from", endOfDay: false, timeZone: timeZone, &problems)
        filter.to = Self.bound(query.to, "to", endOfDay: true, timeZone: timeZone, &problems)
        if let text = query.status {
            filter.status = AppointmentStatus(rawValue: text)
            if filter.status == nil {
                problems.append(Problem(.unknownIdentifier, "status must be one of \(AppointmentStatus.list).", field: "status"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        if user.role == .patient, filter.patientID == nil { filter.patientID = user.patientID }
        try await request.authorize(.readAppointments, patient: filter.patientID, resource: "Appointment")

        let (limit, offset) = try request.pageBounds(defaultLimit: 50)
        let page = try await AppointmentQueries.list(filter, limit: limit, offset: offset, on: request.db)
        // One search record for every patient whose appointments were shown, so each patient's
        // own trail tells them their appointments were listed.
        let detail = "\(page.items.count) of \(page.total) appointments"
        let patients = Set(page.items.map(\.patientId))
        if patients.isEmpty {
            await request.auditRead("Appointment", patient: filter.patientID, action: .search, detail: detail)
        }
        for patient in patients.sorted(by: { $0.uuidString < $1.uuidString }) {
            await request.auditRead("Appointment", patient: patient, action: .search, detail: detail)
        }
        return Listing(items: page.items, total: page.total, limit: limit, offset: offset)
    }

    @Sendable
    func read(request: Request) async throws -> AppointmentDTO {
        let id = try request.uuidParameter("appointmentID", what: "Appointment")
        _ = try request.requireUser()
        guard let dto = try await AppointmentQueries.find(id, on: request.db) else { throw APIError.notFound("Appointment \(id)") }
        try await request.authorize(.readAppointments, patient: dto.patientId, resource: "Appointment")
        await request.auditRead("Appointment", id: id.uuidString, patient: dto.patientId)
        return dto
    }

    /// `PATCH /api/appointments/{id}`: cancel, mark attended or missed, or move (with the
    /// double-booking and, for an injection, the interval rules checked again).
    @Sendable
    func update(request: Request) async throws -> AppointmentDTO {
        let id = try request.uuidParameter("appointmentID", what: "Appointment")
        _ = try request.requireUser()
        guard let existing = try await AppointmentModel.find(id, on: request.db) else { throw APIError.notFound("Appointment \(id)") }
        let patientID = existing.$patient.id
        let practitionerID = existing.$practitioner.id
        let user = try await request.authorize(.writeAppointments, patient: patientID, resource: "Appointment")
        let input = try request.content.decode(AppointmentPatch.self)
        let now = Date()
        let patch = try input.checked(now: now, timeZone: request.application.tenderpoint.clinicTimeZone)
        let calendar = try await request.schedulingCalendar()
        let override = patch.overrideReason.map { ReinjectionOverride(reason: $0, by: user.role) }

        try await request.db.writeTransaction(locking: Self.locks(patient: patientID, practitioner: practitionerID)) { database in
            // Read again under the locks: another request may have changed it meanwhile.
            guard let appointment = try await AppointmentModel.find(id, on: database) else { throw APIError.notFound("Appointment \(id)") }
            let current = AppointmentStatus(rawValue: appointment.status) ?? .booked
            var changes: [String] = []
            var overrideReason: String?

            if let status = patch.status, status != current {
                try Self.checkTransition(from: current, to: status, start: appointment.startAt, now: now)
                appointment.status = status.rawValue
                changes.append("status \(status.rawValue)")
            }
            if patch.moves {
                guard current == .booked else {
                    throw APIError.invalid(patch.start != nil ? "start" : "durationMinutes",
                                           "Only a booked appointment can be moved; this one is \(current.rawValue).")
                }
                let start = patch.start ?? appointment.startAt
                let minutes = patch.durationMinutes
                    ?? Int((appointment.endAt.timeIntervalSince(appointment.startAt) / 60).rounded())
                let interval = BookedInterval(start: start, minutes: minutes)
                if let problem = Self.openingHoursProblem(interval, calendar: calendar,
                                                          field: patch.start != nil ? "start" : "durationMinutes") {
                    throw APIError(.unprocessableEntity, items: [problem])
                }
                let oldDate = CalendarDate(appointment.startAt, in: calendar.timeZone)
                let newDate = CalendarDate(start, in: calendar.timeZone)
                // Within the same day the interval is unchanged, and an override given for it stands.
                if appointment.kind == AppointmentKind.injection.rawValue, newDate != oldDate {
                    let decision = try await InjectionIntervalCheck.decide(
                        proposed: newDate, patientID: patientID, excluding: id, override: override,
                        timeZone: calendar.timeZone, on: database)
                    if case .overridden(let reason, _) = decision {
                        overrideReason = reason
                        appointment.overrideReason = reason
                    } else {
                        appointment.overrideReason = nil
                    }
                }
                appointment.startAt = interval.start
                appointment.endAt = interval.end
                changes.append("moved")
            }
            if patch.changesNote {
                appointment.note = patch.note
                changes.append("note")
            }
            guard !changes.isEmpty else { return }
            try await AppointmentBooking.update(appointment, on: database)
            try await AuditLog.insert(request.auditEntry(.update, "Appointment", id: id, patient: patientID,
                                                         detail: changes.joined(separator: ", ")), on: database)
            if let overrideReason {
                try await AuditLog.insert(request.auditEntry(.override, "Appointment", id: id, patient: patientID,
                                                             detail: overrideReason), on: database)
            }
        }
        guard let dto = try await AppointmentQueries.find(id, on: request.db) else { throw APIError.notFound("Appointment \(id)") }
        return dto
    }

    /// Patient first, then practitioner: every writer that takes both takes them in this order,
    /// so two such transactions on PostgreSQL cannot deadlock.
    static func locks(patient: UUID, practitioner: UUID) -> [(table: String, id: UUID)] {
        [(PatientModel.schema, patient), (UserModel.schema, practitioner)]
    }

    /// Cancelling frees the time, so only a booked appointment may be cancelled; attended and
    /// missed are facts about a visit that has begun and may be corrected between themselves.
    static func checkTransition(from current: AppointmentStatus, to next: AppointmentStatus, start: Date, now: Date) throws {
        switch (current, next) {
        case (.cancelled, _):
            throw APIError.invalid("status", "A cancelled appointment cannot change; book a new one.")
        case (_, .cancelled) where current != .booked:
            throw APIError.invalid("status", "Only a booked appointment can be cancelled; this one is \(current.rawValue).")
        case (_, .attended), (_, .noShow):
            if start > now {
                throw APIError.invalid("status", "The appointment has not started yet, so it cannot be marked \(next.rawValue).")
            }
        default:
            break
        }
    }

    /// The practitioner must be an active clinician's or nurse's account.
    static func practitionerProblem(_ id: UUID, request: Request) async throws -> APIError.Item? {
        guard let user = try await UserModel.find(id, on: request.db), user.active else {
            return APIError.Item(code: Problem.Code.unknownIdentifier.rawValue, message: "No practitioner \(id) exists.",
                                 field: "practitionerId")
        }
        guard PractitionerRoles.all.contains(user.accountRole) else {
            return APIError.Item(code: "not_a_practitioner",
                                 message: "Appointments are booked with a clinician or a nurse, not a \(user.role) account.",
                                 field: "practitionerId")
        }
        return nil
    }

    /// An appointment must lie within the clinic's opening hours on an open day:
    /// `clinic_closed` or `outside_opening_hours`.
    static func openingHoursProblem(_ interval: BookedInterval, calendar: ClinicCalendar, field: String) -> APIError.Item? {
        let date = CalendarDate(interval.start, in: calendar.timeZone)
        guard let open = calendar.openInterval(on: date) else {
            return APIError.Item(code: "clinic_closed", message: "The clinic is closed on \(date) (\(date.weekday.rawValue)).",
                                 field: field)
        }
        guard interval.start >= open.start, interval.end <= open.end else {
            return APIError.Item(code: "outside_opening_hours",
                                 message: "The appointment must lie within the clinic's opening hours on \(date), \(Self.clock(open.start, calendar))–\(Self.clock(open.end, calendar)) (clinic time).",
                                 field: field)
        }
        return nil
    }

    /// `HH:MM` in the clinic's time zone, for messages.
    static func clock(_ instant: Date, _ calendar: ClinicCalendar) -> String {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        let parts = gregorian.dateComponents([.hour, .minute], from: instant)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// A list bound: an ISO instant, or a clinic date (its start; for `to`, the next day's start).
    static func bound(_ text: String?, _ field: String, endOfDay: Bool, timeZone: TimeZone, _ problems: inout [Problem]) -> Date? {
        guard let text else { return nil }
        if let date = CalendarDate(iso: text) {
            return (endOfDay ? date.adding(days: 1) : date).start(in: timeZone)
        }
        if let instant = JSONCoding.parseInstant(text) { return instant }
        problems.append(Problem(.invalidDate, "\(field) must be a date YYYY-MM-DD or an ISO 8601 date-time.", field: field))
        return nil
    }
}
