import Fluent
import Foundation
import SQLKit
import TenderpointCore

/// The one home of `alerts` queries: lists for the API, Today and the patient's page, and the
/// acknowledgement.
enum AlertQueries {
    struct Filter: Sendable {
        var patientID: UUID?
        /// Only alerts not yet acknowledged.
        var openOnly = false
    }

    private struct Row: Decodable {
        let id: UUID
        let patient_id: UUID
        let given_name: String
        let family_name: String
        let kind: String
        let raised_at: Date
        let adverse_event_id: UUID?
        let diary_entry_id: UUID?
        let acknowledged_at: Date?
        let acknowledged_by: UUID?
        let acknowledgement_note: String?
        let acknowledger_name: String?
        let acknowledger_role: String?
    }

    /// Open alerts first, each group latest first; the total before paging.
    static func list(_ filter: Filter, limit: Int, offset: Int, on database: any Database) async throws -> (items: [AlertDTO], total: Int) {
        let sql = database as! any SQLDatabase
        var condition: SQLQueryString = "1 = 1"
        if let patient = filter.patientID { condition = condition + " AND a.patient_id = \(bind: patient)" }
        if filter.openOnly { condition = condition + " AND a.acknowledged_at IS NULL" }
        struct Count: Decodable { let count: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS count FROM alerts a WHERE \(condition)")
            .first(decoding: Count.self)?.count ?? 0
        let rows = try await sql.raw("""
            SELECT a.id, a.patient_id, p.given_name, p.family_name, a.kind, a.raised_at, a.adverse_event_id, a.diary_entry_id,
                   a.acknowledged_at, a.acknowledged_by, a.acknowledgement_note,
                   u.display_name AS acknowledger_name, u.role AS acknowledger_role
            FROM alerts a JOIN patients p ON p.id = a.patient_id LEFT JOIN users u ON u.id = a.acknowledged_by
            WHERE \(condition)
            ORDER BY CASE WHEN a.acknowledged_at IS NULL THEN 0 ELSE 1 END, a.raised_at DESC, a.id
            LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all(decoding: Row.self)
        return (rows.compactMap(dto), total)
    }

    static func find(_ id: UUID, on database: any Database) async throws -> AlertDTO? {
        let sql = database as! any SQLDatabase
        return try await sql.raw("""
            SELECT a.id, a.patient_id, p.given_name, p.family_name, a.kind, a.raised_at, a.adverse_event_id, a.diary_entry_id,
                   a.acknowledged_at, a.acknowledged_by, a.acknowledgement_note,
                   u.display_name AS acknowledger_name, u.role AS acknowledger_role
            FROM alerts a JOIN patients p ON p.id = a.patient_id LEFT JOIN users u ON u.id = a.acknowledged_by
            WHERE a.id = \(bind: id)
            """).first(decoding: Row.self).flatMap(dto)
    }

    private static func dto(_ row: Row) -> AlertDTO? {
        guard let kind = AdverseEventKind(rawValue: row.kind) else { return nil }
        let by = row.acknowledged_by.map {
            RecordAuthor(id: $0, displayName: row.acknowledger_name ?? "", role: row.acknowledger_role ?? "")
        }
        return AlertDTO(id: row.id, patientId: row.patient_id, patientName: "\(row.given_name) \(row.family_name)",
                        kind: kind, kindLabel: kind.label, raisedAt: row.raised_at, adverseEventId: row.adverse_event_id,
                        diaryEntryId: row.diary_entry_id, acknowledged: row.acknowledged_at != nil,
                        acknowledgedAt: row.acknowledged_at, acknowledgedBy: by, note: row.acknowledgement_note)
    }
}
