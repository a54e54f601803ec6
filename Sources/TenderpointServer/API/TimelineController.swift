import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `GET /api/patients/{id}/timeline`: the whole clinical picture in one call, one audit record.
/// Clinical content, so reception may not read it.
struct TimelineController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("patients", ":patientID", "timeline", use: timeline)
    }

    @Sendable
    func timeline(request: Request) async throws -> TimelineDTO {
        let patientID = try request.patientID()
        try await request.authorize(.readClinical, patient: patientID, resource: "Timeline")
        guard let patient = try await PatientModel.find(patientID, on: request.db) else { throw APIError.notFound("Patient \(patientID)") }
        let today = request.clinicToday
        let database = request.db
        let sql = database as! any SQLDatabase

        let conditions = try await ConditionModel.query(on: database).filter(\.$patient.$id == patientID)
            .sort(\.$recordedDate, .descending).sort(\.$createdAt, .descending).all()
        let consents = try await ConsentModel.query(on: database).filter(\.$patient.$id == patientID)
            .sort(\.$date, .descending).sort(\.$createdAt, .descending).all()
        let assessments = try await AssessmentController.rows(patient: patientID, on: database)
        // The sessions API owns treatment_sessions; the timeline only reads its summary columns.
        // A voided session (charted in error) is left out: the sessions API still shows it, marked.
        let sessions = try await sql.raw("""
            SELECT s.id, s.date, s.product, s.total_units_tenths, s.injector_id,
                   u.display_name AS injector_name, u.role AS injector_role
            FROM treatment_sessions s JOIN users u ON u.id = s.injector_id
            WHERE s.patient_id = \(bind: patientID) AND s.voided_at IS NULL
            ORDER BY s.date DESC, s.performed_at DESC
            """).all(decoding: TimelineDTO.Session.Row.self).compactMap(TimelineDTO.Session.init)
        let appointments = try await sql.raw("""
            SELECT a.id, a.start_at, a.end_at, a.kind, a.status, a.session_id, a.practitioner_id,
                   u.display_name AS practitioner_name, u.role AS practitioner_role
            FROM appointments a JOIN users u ON u.id = a.practitioner_id
            WHERE a.patient_id = \(bind: patientID)
            ORDER BY a.start_at
            """).all(decoding: TimelineDTO.Appointment.Row.self).map(TimelineDTO.Appointment.init)
        let now = Date()

        let lastSession = sessions.map(\.date).max()
        await request.auditRead("Timeline", id: patientID.uuidString, patient: patientID)
        return TimelineDTO(
            today: today,
            patient: try PatientDTO(patient),
            conditions: try conditions.map(ConditionDTO.init),
            consents: try await {
                let validity = try await ConsentController.validityMonths(request)
                return try consents.map { try ConsentDTO($0, validityMonths: validity) }
            }(),
            latestScores: TimelineDTO.LatestScores(assessments),
            assessments: assessments.compactMap(TimelineDTO.AssessmentSummary.init),
            sessions: sessions,
            appointments: TimelineDTO.Appointments(upcoming: appointments.filter { $0.startAt >= now },
                                                   past: appointments.filter { $0.startAt < now }.reversed()),
            diary: try await Self.diarySummary(patient: patientID, today: today, on: sql),
            reinjectionWindow: lastSession.map { ReinjectionWindow(after: $0) },
            daysSinceLastSession: ReinjectionWindow.assess(proposed: today, lastSession: lastSession).daysSinceLast)
    }

    /// Counts over the whole diary, and the mean of the entries of the last 14 days (today and the
    /// 13 before it), computed here from the few rows rather than with SQL's AVG, whose result
    /// type differs between SQLite and PostgreSQL.
    static func diarySummary(patient patientID: UUID, today: CalendarDate, on sql: any SQLDatabase) async throws -> TimelineDTO.DiarySummary {
        struct Totals: Decodable {
            let entries: Int
            let first_date: String?
            let last_date: String?
        }
        struct Rating: Decodable { let pain_nrs: Int }
        let totals = try await sql.raw("""
            SELECT COUNT(*) AS entries, MIN(date) AS first_date, MAX(date) AS last_date
            FROM diary_entries WHERE patient_id = \(bind: patientID)
            """).first(decoding: Totals.self)
        let since = today.adding(days: -(TimelineDTO.DiarySummary.recentDays - 1))
        let recent = try await sql.raw("""
            SELECT pain_nrs FROM diary_entries
            WHERE patient_id = \(bind: patientID) AND date >= \(bind: since.iso) AND date <= \(bind: today.iso)
            """).all(decoding: Rating.self)
        let mean = recent.isEmpty ? nil : Double(recent.map(\.pain_nrs).reduce(0, +)) / Double(recent.count)
        return TimelineDTO.DiarySummary(
            count: totals?.entries ?? 0,
            firstDate: totals?.first_date.flatMap(CalendarDate.init(iso:)),
            lastDate: totals?.last_date.flatMap(CalendarDate.init(iso:)),
            entriesLast14Days: recent.count,
            meanPainNRSLast14Days: mean)
    }
}
