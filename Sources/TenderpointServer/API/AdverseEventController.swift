import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Adverse events after a session (DOMAIN.md §4): record, list, resolve. Increased pain is one
/// of them (§6): recorded, not hidden.
struct AdverseEventController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let events = routes.grouped("patients", ":patientID", "sessions", ":sessionID", "adverse-events")
        events.post(use: create)
        events.get(use: listForSession)
        events.get(":eventID", use: read)
        events.patch(":eventID", use: update)
        routes.get("patients", ":patientID", "adverse-events", use: listForPatient)
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        let patientID = try request.patientID()
        let sessionID = try request.uuidParameter("sessionID", what: "Session")
        let user = try await request.authorize(.writeClinical, patient: patientID, resource: "AdverseEvent")
        let input = try request.content.decode(AdverseEventInput.self)
        let today = CalendarDate(Date(), in: request.application.tenderpoint.clinicTimeZone)
        let model = AdverseEventModel()
        model.id = UUID()
        model.$patient.id = patientID
        model.$session.id = sessionID
        model.$recorder.id = user.id
        model.source = AdverseEventSource.clinician.rawValue
        let dto = try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            let sessionDate = try await Self.sessionDate(sessionID, patientID: patientID, on: database)
            let event = try input.validated(over: nil, sessionDate: sessionDate, today: today)
            model.apply(event)
            try await model.create(on: database)
            try await AuditLog.insert(AuditEntry(user: user, action: .create, resourceType: "AdverseEvent",
                                                 resourceID: model.id?.uuidString, patientID: patientID,
                                                 detail: event.kind.rawValue + (event.isUrgent ? " (urgent)" : "")),
                                      on: database)
            return try AdverseEventDTO(model, sessionDate: sessionDate)
        }
        if dto.urgent {
            // Operations see that an urgent event came in; the record itself stays out of the log.
            request.logger.warning("urgent adverse event recorded", metadata: ["adverseEvent": .string(dto.id.uuidString)])
        }
        return try await dto.encodeResponse(status: .created, for: request)
    }

    @Sendable
    func read(request: Request) async throws -> AdverseEventDTO {
        let patientID = try request.patientID()
        let sessionID = try request.uuidParameter("sessionID", what: "Session")
        let eventID = try request.uuidParameter("eventID", what: "Adverse event")
        try await request.authorize(.readClinical, patient: patientID, resource: "AdverseEvent")
        let sessionDate = try await Self.sessionDate(sessionID, patientID: patientID, on: request.db)
        let model = try await Self.find(eventID, sessionID: sessionID, on: request.db)
        await request.auditRead("AdverseEvent", id: eventID.uuidString, patient: patientID)
        return try AdverseEventDTO(model, sessionDate: sessionDate)
    }

    /// Resolves an event (`{"resolvedOn":"YYYY-MM-DD"}`) or corrects it; the result is checked
    /// again against its session as a whole.
    @Sendable
    func update(request: Request) async throws -> AdverseEventDTO {
        let patientID = try request.patientID()
        let sessionID = try request.uuidParameter("sessionID", what: "Session")
        let eventID = try request.uuidParameter("eventID", what: "Adverse event")
        let user = try await request.authorize(.writeClinical, patient: patientID, resource: "AdverseEvent")
        let input = try request.content.decode(AdverseEventInput.self)
        let today = CalendarDate(Date(), in: request.application.tenderpoint.clinicTimeZone)
        return try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            let sessionDate = try await Self.sessionDate(sessionID, patientID: patientID, on: database)
            let model = try await Self.find(eventID, sessionID: sessionID, on: database)
            let wasResolved = model.resolvedOn != nil
            let event = try input.validated(over: model.coreEvent(), sessionDate: sessionDate, today: today)
            model.apply(event)
            try await model.save(on: database)
            let detail = !wasResolved && event.isResolved ? "resolved on \(event.resolvedOn!)" : "corrected"
            try await AuditLog.insert(AuditEntry(user: user, action: .update, resourceType: "AdverseEvent",
                                                 resourceID: eventID.uuidString, patientID: patientID, detail: detail),
                                      on: database)
            return try AdverseEventDTO(model, sessionDate: sessionDate)
        }
    }

    @Sendable
    func listForSession(request: Request) async throws -> Listing<AdverseEventDTO> {
        let patientID = try request.patientID()
        let sessionID = try request.uuidParameter("sessionID", what: "Session")
        try await request.authorize(.readClinical, patient: patientID, resource: "AdverseEvent")
        _ = try await Self.sessionDate(sessionID, patientID: patientID, on: request.db)
        let items = try await Self.rows(patientID: patientID, sessionID: sessionID, on: request.db)
        await request.auditRead("AdverseEvent", patient: patientID, detail: "\(items.count) events of session \(sessionID)")
        return Listing(items: items, total: items.count, limit: items.count, offset: 0)
    }

    /// Every adverse event of the patient, latest onset first (a patient has few: no paging).
    @Sendable
    func listForPatient(request: Request) async throws -> Listing<AdverseEventDTO> {
        let patientID = try request.patientID()
        try await request.authorize(.readClinical, patient: patientID, resource: "AdverseEvent")
        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        let items = try await Self.rows(patientID: patientID, sessionID: nil, on: request.db)
        await request.auditRead("AdverseEvent", patient: patientID, detail: "\(items.count) events")
        return Listing(items: items, total: items.count, limit: items.count, offset: 0)
    }

    /// The events with their session's date, in one query.
    private static func rows(patientID: UUID, sessionID: UUID?, on database: any Database) async throws -> [AdverseEventDTO] {
        let sql = database as! any SQLDatabase
        struct Row: Decodable {
            let id: UUID
            let sessionId: UUID
            let sessionDate: String
            let kind: String
            let onsetDate: String
            let severity: String
            let serious: Bool
            let description: String?
            let resolvedOn: String?
            let recordedBy: UUID
            let createdAt: Date?
            let source: String
            let diaryEntryId: UUID?
        }
        var query: SQLQueryString = """
            SELECT e.id, e.session_id, s.date AS session_date, e.kind, e.onset_date, e.severity, e.serious, e.description,
                   e.resolved_on, e.recorded_by, e.created_at, e.source, e.diary_entry_id
            FROM adverse_events e JOIN treatment_sessions s ON s.id = e.session_id
            WHERE e.patient_id = \(bind: patientID)
            """
        if let sessionID { query = query + " AND e.session_id = \(bind: sessionID)" }
        query = query + " ORDER BY e.onset_date DESC, e.created_at DESC"
        let rows = try await sql.raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try rows.map { row in
            let model = AdverseEventModel()
            model.kind = row.kind
            model.onsetDate = row.onsetDate
            model.severity = row.severity
            model.serious = row.serious
            model.details = row.description
            model.resolvedOn = row.resolvedOn
            return AdverseEventDTO(id: row.id, patientID: patientID, sessionID: row.sessionId,
                                   sessionDate: CalendarDate(iso: row.sessionDate), event: try model.coreEvent(),
                                   recordedBy: row.recordedBy, createdAt: row.createdAt,
                                   source: AdverseEventSource(rawValue: row.source) ?? .clinician, diaryEntryID: row.diaryEntryId)
        }
    }

    /// The date of the patient's session, or 404 when the session is not theirs.
    private static func sessionDate(_ sessionID: UUID, patientID: UUID, on database: any Database) async throws -> CalendarDate {
        guard let session = try await TreatmentSessionModel.find(sessionID, on: database), session.$patient.id == patientID,
              let date = CalendarDate(iso: session.date) else {
            throw APIError.notFound("Session \(sessionID)")
        }
        return date
    }

    private static func find(_ eventID: UUID, sessionID: UUID, on database: any Database) async throws -> AdverseEventModel {
        guard let model = try await AdverseEventModel.find(eventID, on: database), model.$session.id == sessionID else {
            throw APIError.notFound("Adverse event \(eventID)")
        }
        return model
    }
}
