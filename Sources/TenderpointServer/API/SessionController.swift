import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Injection sessions: chart one (the core's `SessionValidation` decides, every problem at once),
/// list and read them, and the window for the next one.
struct SessionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let patient = routes.grouped("patients", ":patientID")
        // A session with many charted sites and a note can pass Vapor's 16 KB default.
        patient.on(.POST, "sessions", body: .collect(maxSize: "256kb"), use: create)
        patient.get("sessions", use: list)
        patient.get("sessions", ":sessionID", use: read)
        patient.post("sessions", ":sessionID", "void", use: void)
        patient.get("reinjection-window", use: reinjectionWindow)
        // The dry run of `POST …/sessions`, beside it.
        try routes.register(collection: SessionCheckController())
    }

    /// What a successful charting wrote, for the response.
    private struct Charted: Sendable {
        let session: TreatmentSessionModel
        let injections: [SessionDTO.Injection]
        let followUps: [SessionDTO.FollowUpDTO]
        let interval: SessionDTO.IntervalDTO
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        let patientID = try request.patientID()
        let user = try await request.authorize(.chartSession, patient: patientID, resource: "TreatmentSession")
        let input = try request.content.decode(SessionInput.self)
        let zone = request.application.tenderpoint.clinicTimeZone
        let now = Date()
        let today = CalendarDate(now, in: zone)
        let checked = try input.checked(now: now, today: today, timeZone: zone)
        // Vials are locked too: sessions of other patients drawing from the same vial queue up,
        // so two cannot both take its last units (PostgreSQL; SQLite has one writer at a time).
        let vialLocks = Set(input.injections.compactMap { UUID(uuidString: $0.vialId) })
            .sorted { $0.uuidString < $1.uuidString }.map { (table: "vials", id: $0) }

        let charted = try await request.db.writeTransaction(locking: [("patients", patientID), ("users", user.id)] + vialLocks) { database in
            let proposal = try await SessionProposal.gather(input, checked: checked, user: user, patientID: patientID,
                                                            timeZone: zone, on: database)
            let rules = proposal.rules
            let vials = proposal.vials
            let supervisorID = proposal.supervisorID
            let validated: ValidatedSession
            switch proposal.validate(now: now) {
            case .failure(let found): throw found
            case .success(let session): validated = session
            }
            // Unreachable: the core refuses a session without a consent in force.
            guard let consentID = proposal.consentID else {
                throw Problem(.consentMissing, "No consent of this patient's is named.", field: "consentId")
            }

            let session = TreatmentSessionModel()
            session.id = UUID()
            session.$patient.id = patientID
            session.date = checked.date.iso
            session.performedAt = checked.performedAt
            session.$injector.id = user.id
            session.$supervisor.id = supervisorID
            session.product = validated.total.product.rawValue
            session.totalUnitsTenths = validated.total.units.tenths
            session.screeningJSON = try Self.json(input.screening)
            session.acknowledgedJSON = try Self.json(ScreeningItem.allCases.filter(Set(input.acknowledged ?? []).contains))
            session.$consent.id = consentID
            session.guidance = checked.guidance.rawValue
            if case .overridden(let reason, _) = validated.interval { session.overrideReason = reason }
            session.note = checked.note
            try await session.create(on: database)
            let sessionID = try session.requireID()

            var injections: [SessionDTO.Injection] = []
            for (position, injection) in input.injections.enumerated() {
                guard let stock = vials[injection.vialId] else { continue }  // unreachable: the core refused unknown vials
                let model = InjectionModel()
                model.id = UUID()
                model.$session.id = sessionID
                model.$vial.id = stock.id
                model.siteKind = injection.site.site.kind.rawValue
                model.siteID = injection.site.site.id
                let chart = injection.chartedSite.chart
                model.chartView = chart?.view.rawValue
                model.chartX = chart?.x
                model.chartY = chart?.y
                model.unitsTenths = injection.units.tenths
                model.volumeMl = stock.vial.volumeMl(for: injection.units).map { "\($0)" }
                model.position = position
                try await model.create(on: database)
                injections.append(try SessionDTO.Injection(model, lotNumber: stock.vial.lotNumber))
            }
            // First use opens a vial (one recorded unreconstituted, such as a solution).
            let usedVials = Array(Set(vials.values.map(\.id)))
            try await VialModel.query(on: database)
                .filter(\.$id ~~ usedVials)
                .filter(\.$state == VialState.unopened.rawValue)
                .set(\.$state, to: VialState.inUse.rawValue)
                .update()

            let appointments = try await AppointmentBooking.bookFollowUps(
                plan: validated.followUpPlan, patientID: patientID, practitionerID: user.id, sessionID: sessionID,
                calendar: rules.calendar, on: database)

            try await AuditLog.insert(AuditEntry(user: user, action: .create, resourceType: "TreatmentSession",
                                                 resourceID: sessionID.uuidString, patientID: patientID,
                                                 detail: "\(validated.total)"),
                                      on: database)
            if case .overridden(let reason, let days) = validated.interval {
                try await AuditLog.insert(AuditEntry(user: user, action: .override, resourceType: "TreatmentSession",
                                                     resourceID: sessionID.uuidString, patientID: patientID,
                                                     detail: "minimum interval overridden at day \(days): \(reason)"),
                                          on: database)
            }
            let overridden = if case .overridden = validated.interval { true } else { false }
            return Charted(session: session, injections: injections,
                           followUps: SessionDTO.FollowUpDTO.list(plan: validated.followUpPlan, appointments: appointments, timeZone: zone),
                           interval: SessionDTO.IntervalDTO(daysSinceLast: validated.interval.daysSinceLast, overridden: overridden))
        }
        let dto = try SessionDTO(charted.session, injections: charted.injections, followUps: charted.followUps,
                                 interval: charted.interval)
        return try await dto.encodeResponse(status: .created, for: request)
    }

    /// `GET /api/patients/{id}/sessions?limit=&offset=`, newest first.
    @Sendable
    func list(request: Request) async throws -> Listing<SessionSummaryDTO> {
        let patientID = try request.patientID()
        try await request.authorize(.readClinical, patient: patientID, resource: "TreatmentSession")
        struct Query: Decodable {
            var limit: Int?
            var offset: Int?
        }
        let query = try request.query.decode(Query.self)
        let (limit, offset) = try request.pageBounds(defaultLimit: 50)
        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        let sql = request.db as! any SQLDatabase
        struct Count: Decodable { let count: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS count FROM treatment_sessions WHERE patient_id = \(bind: patientID)")
            .first(decoding: Count.self)?.count ?? 0
        struct Row: Decodable {
            let id: UUID
            let date: String
            let performedAt: Date
            let product: String
            let totalUnitsTenths: Int
            let injectorId: UUID
            let guidance: String
            let overrideReason: String?
            let injectionCount: Int
            let voidedAt: Date?
        }
        let rows = try await sql.raw("""
            SELECT s.id, s.date, s.performed_at, s.product, s.total_units_tenths, s.injector_id, s.guidance, s.override_reason, s.voided_at,
                   (SELECT COUNT(*) FROM injections i WHERE i.session_id = s.id) AS injection_count
            FROM treatment_sessions s
            WHERE s.patient_id = \(bind: patientID)
            ORDER BY s.date DESC, s.performed_at DESC
            LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let items = rows.compactMap { row -> SessionSummaryDTO? in
            guard let date = CalendarDate(iso: row.date), let product = ToxinProduct(rawValue: row.product) else { return nil }
            return SessionSummaryDTO(id: row.id, date: date, performedAt: row.performedAt, product: product,
                                     totalUnits: Units(tenths: row.totalUnitsTenths), injectorId: row.injectorId,
                                     guidance: InjectionGuidance(rawValue: row.guidance) ?? .landmark,
                                     overridden: row.overrideReason != nil, injectionCount: row.injectionCount,
                                     voided: row.voidedAt != nil)
        }
        await request.auditRead("TreatmentSession", patient: patientID, detail: "\(items.count) of \(total) sessions")
        return Listing(items: items, total: total, limit: limit, offset: offset)
    }

    @Sendable
    func read(request: Request) async throws -> SessionDTO {
        let patientID = try request.patientID()
        let sessionID = try request.uuidParameter("sessionID", what: "Session")
        try await request.authorize(.readClinical, patient: patientID, resource: "TreatmentSession")
        guard let session = try await TreatmentSessionModel.find(sessionID, on: request.db), session.$patient.id == patientID,
              let date = CalendarDate(iso: session.date) else {
            throw APIError.notFound("Session \(sessionID)")
        }
        let injections = try await InjectionModel.query(on: request.db).filter(\.$session.$id == sessionID)
            .sort(\.$position).all()
        let vialIDs = Array(Set(injections.map(\.$vial.id)))
        let lots = try await VialModel.query(on: request.db).filter(\.$id ~~ vialIDs).all()
            .reduce(into: [UUID: String]()) { result, vial in if let id = vial.id { result[id] = vial.lotNumber } }
        let appointments = try await AppointmentModel.query(on: request.db).filter(\.$session.$id == sessionID)
            .filter(\.$status != AppointmentStatus.cancelled.rawValue).sort(\.$startAt).all()
        let zone = request.application.tenderpoint.clinicTimeZone
        let calendar = try await ClinicSettingsStore.rules(on: request.db, timeZone: zone).calendar
        let plan = FollowUpPlan(sessionDate: date, calendar: calendar)
        await request.auditRead("TreatmentSession", id: sessionID.uuidString, patient: patientID)
        return try SessionDTO(session,
                              injections: injections.map { try SessionDTO.Injection($0, lotNumber: lots[$0.$vial.id] ?? "") },
                              followUps: SessionDTO.FollowUpDTO.list(plan: plan, appointments: appointments, timeZone: zone),
                              interval: nil)
    }

    /// `{"lastSessionDate","earliest","targetFrom","targetTo"}` after the patient's last session,
    /// nulls before the first. Reception may read it: it books the next session in the window.
    @Sendable
    func reinjectionWindow(request: Request) async throws -> ReinjectionWindowDTO {
        let patientID = try request.patientID()
        try await request.authorize(.readAppointments, patient: patientID, resource: "TreatmentSession")
        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        let dates = try await Self.recordedSessions(patientID: patientID, on: request.db).map(\.date)
        await request.auditRead("ReinjectionWindow", patient: patientID)
        let today = CalendarDate(Date(), in: request.application.tenderpoint.clinicTimeZone)
        return ReinjectionWindowDTO(lastSession: dates.max(), today: today)
    }

    // MARK: reading what the core needs

    /// The patient's recorded sessions that are not voided (date, product, total), for the
    /// interval and cumulative dose rules: a voided session counts for nothing.
    static func recordedSessions(patientID: UUID, on database: any Database) async throws -> [DoseCheck.RecordedSession] {
        let sql = database as! any SQLDatabase
        struct Row: Decodable {
            let date: String
            let product: String
            let total_units_tenths: Int
        }
        return try await sql.select().columns("date", "product", "total_units_tenths").from(TreatmentSessionModel.schema)
            .where("patient_id", .equal, patientID)
            .where(SQLIdentifier("voided_at"), .is, SQLLiteral.null)
            .all(decoding: Row.self)
            .compactMap { row in
                guard let date = CalendarDate(iso: row.date), let product = ToxinProduct(rawValue: row.product) else { return nil }
                return DoseCheck.RecordedSession(date: date, dose: ProductDose(product: product, units: Units(tenths: row.total_units_tenths)))
            }
    }

    /// `POST /api/patients/{id}/sessions/{sessionId}/void` `{"reason"}` (clinician): the session
    /// stays in the record, marked, and stops counting for the interval, the dose limits, the
    /// vials' content and the outcomes; its follow-ups still to come are cancelled. Audited.
    @Sendable
    func void(request: Request) async throws -> SessionDTO {
        let patientID = try request.patientID()
        let sessionID = try request.uuidParameter("sessionID", what: "Session")
        let user = try await request.authorize(.voidSession, patient: patientID, resource: "TreatmentSession")
        struct Input: Decodable { var reason: String? }
        let input = try request.content.decode(Input.self)
        let now = Date()
        try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            guard let session = try await TreatmentSessionModel.find(sessionID, on: database), session.$patient.id == patientID else {
                throw APIError.notFound("Session \(sessionID)")
            }
            let reason = try SessionVoid.check(reason: input.reason, by: user.role, alreadyVoided: session.voidedAt != nil)
            session.voidedAt = now
            session.voidedBy = user.id
            session.voidReason = reason
            try await session.save(on: database)
            let cancelled = try await AppointmentModel.query(on: database)
                .filter(\.$session.$id == sessionID)
                .filter(\.$status == AppointmentStatus.booked.rawValue)
                .filter(\.$startAt > now)
                .all()
            for appointment in cancelled {
                appointment.status = AppointmentStatus.cancelled.rawValue
                try await appointment.save(on: database)
            }
            try await AuditLog.insert(AuditEntry(user: user, action: .update, resourceType: "TreatmentSession",
                                                 resourceID: sessionID.uuidString, patientID: patientID,
                                                 detail: "voided (\(cancelled.count) follow-ups cancelled): \(reason)"),
                                      on: database)
        }
        return try await read(request: request)
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
