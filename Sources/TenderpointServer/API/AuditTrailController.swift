import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `GET /api/patients/{id}/audit?limit=&offset=`: who did what with a patient's record, newest
/// first. Admins read any patient's; a patient reads their own. Reading it is audited too.
struct AuditTrailController: RouteCollection {
    static let defaultLimit = 100

    func boot(routes: any RoutesBuilder) throws {
        routes.get("patients", ":patientID", "audit", use: list)
    }

    @Sendable
    func list(request: Request) async throws -> Listing<AuditTrailEntryDTO> {
        let patientID = try request.patientID()
        try await request.authorize(.readAudit, patient: patientID, resource: "AuditTrail")
        let (limit, offset) = try request.pageBounds(defaultLimit: Self.defaultLimit)
        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        // Reads are buffered: store them first so the trail includes the latest ones.
        await request.application.auditLog.flush()
        let sql = request.db as! any SQLDatabase
        struct Count: Decodable { let entries: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS entries FROM audit_events WHERE patient_id = \(bind: patientID)")
            .first(decoding: Count.self)?.entries ?? 0
        let rows = try await sql.raw("""
            SELECT at, username, role, action, resource_type, resource_id, outcome, detail
            FROM audit_events WHERE patient_id = \(bind: patientID)
            ORDER BY at DESC
            LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all(decoding: AuditTrailEntryDTO.Row.self)
        await request.auditRead("AuditTrail", patient: patientID, detail: "\(rows.count) of \(total) entries")
        return Listing(items: rows.map(AuditTrailEntryDTO.init), total: total, limit: limit, offset: offset)
    }
}
