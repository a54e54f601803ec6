import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `Appointment`: the clinic's bookings (assessments, injections, the day-8, week-3 and week-12
/// follow-ups), with the patient and the practitioner as participants.
struct AppointmentProvider: FHIRPatientCompartmentProvider {
    let type = FHIRResourceType.appointment
    let access = FHIRAccess.patientRecord(read: .readAppointments, search: .readAppointments)
    let documentation = "Bookings: assessments, injection sessions and the follow-ups after each (onset check, peak review, reassessment)."
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("Appointment", "patient"), "The patient: Patient/{id} or {id}."),
        FHIRSearchParameter("date", .date, definition: FHIRSearchParameter.standard("Appointment", "date"),
                            "The start, with the prefixes eq, ne, gt, lt, ge, le; a date without a zone is in the clinic's time zone."),
        FHIRSearchParameter("status", .token, definition: FHIRSearchParameter.standard("Appointment", "status"),
                            "booked, cancelled, fulfilled (attended) or noshow."),
    ]

    struct Row: Decodable {
        let id: UUID
        let patientId: UUID
        let practitionerId: UUID
        let practitionerName: String
        let startAt: Date
        let endAt: Date
        let kind: String
        let status: String
        let sessionId: UUID?
        let note: String?
        let createdAt: Date?
    }

    /// FHIR's status for each stored one.
    static func status(_ stored: String) -> Appointment.Status {
        switch AppointmentStatus(rawValue: stored) {
        case .booked, nil: .booked
        case .cancelled: .cancelled
        case .attended: .fulfilled
        case .noShow: .noshow
        }
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        FHIRTableQuery(
            from: "appointments a JOIN users u ON u.id = a.practitioner_id",
            columns: """
                a.id, a.patient_id, a.practitioner_id, u.display_name AS practitioner_name, a.start_at, a.end_at, a.kind, a.status, \
                a.session_id, a.note, a.created_at
                """,
            conditions: conditions, order: "a.start_at, a.id")
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let uuid = FHIRValues.uuid(id) else { return nil }
        return try await query(["a.id = \(bind: uuid)"]).rows(Row.self, on: context.database).first.map { found($0, context) }
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        var conditions = [FHIRConditions.patient("a.patient_id", request, compartment: compartment)].compactMap { $0 }
        conditions += FHIRConditions.instants("date", request, column: "a.start_at")
        for clause in request.clauses("status") {
            var stored: [String] = []
            for value in clause.values {
                guard case .token(let token) = value else { continue }
                guard let status = Appointment.Status(rawValue: token.code) else {
                    let codes = Appointment.Status.allCases.map(\.rawValue).joined(separator: ", ")
                    throw FHIRError.invalidParameter("status", "status=\(token.code) is not an appointment status (\(codes)).")
                }
                stored += AppointmentStatus.allCases.filter { Self.status($0.rawValue) == status }.map(\.rawValue)
            }
            conditions.append(stored.isEmpty ? "1 = 0" : "a.status IN (\(binds: stored))")
        }
        let page = try await query(conditions).page(Row.self, request, on: context.database)
        return FHIRSearchResult(total: page.total, matches: page.rows.map { found($0, context) })
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await query(["a.patient_id IN (\(binds: patients))"]).rows(Row.self, on: context.database) {
            try write(found(row, context).resource)
        }
    }

    private func found(_ row: Row, _ context: FHIRContext) -> FHIRFound {
        let kind = AppointmentKind(rawValue: row.kind)
        let label = kind.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") } ?? row.kind
        let appointment = Appointment(
            id: FHIRValues.id(row.id),
            status: Self.status(row.status),
            appointmentType: CodeableConcept(coding: [Coding(system: TenderpointCodes.appointmentKind, code: row.kind, display: label)], text: label),
            reasonReference: row.sessionId.map { [FHIRValues.reference(.procedure, $0)] },
            description: label.prefix(1).uppercased() + label.dropFirst(),
            start: FHIRValues.instant(row.startAt),
            end: FHIRValues.instant(row.endAt),
            minutesDuration: max(1, Int(row.endAt.timeIntervalSince(row.startAt) / 60)),
            created: row.createdAt.map { FHIRValues.dateTime($0, context.timeZone) },
            comment: row.note,
            participant: [
                Appointment.Participant(actor: FHIRValues.reference(.patient, row.patientId), required: .required, status: .accepted),
                Appointment.Participant(actor: FHIRValues.reference(.practitioner, row.practitionerId, display: row.practitionerName),
                                        required: .required, status: .accepted),
            ])
        return FHIRFound(resource: .appointment(appointment), patient: row.patientId)
    }
}
