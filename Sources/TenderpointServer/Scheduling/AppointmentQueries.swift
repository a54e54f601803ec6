import Fluent
import Foundation
import SQLKit
import TenderpointCore

/// Reading appointments as rows (SQLKit + Codable, not Fluent hydration: a practitioner's
/// diary and a clinic's day lists grow large), joined to the practitioner's and patient's names.
enum AppointmentQueries {
    struct Filter: Sendable {
        var id: UUID?
        var practitionerID: UUID?
        var patientID: UUID?
        /// Appointments starting at or after this instant.
        var from: Date?
        /// Appointments starting before this instant.
        var to: Date?
        var status: AppointmentStatus?
    }

    private struct Row: Decodable {
        let id: UUID
        let practitionerId: UUID
        let practitionerName: String
        let patientId: UUID
        let givenName: String
        let familyName: String
        let startAt: Date
        let endAt: Date
        let kind: String
        let status: String
        let note: String?
        let overrideReason: String?
        let sessionId: UUID?
        let createdAt: Date?

        var dto: AppointmentDTO {
            AppointmentDTO(id: id, practitionerId: practitionerId, practitionerName: practitionerName,
                           patientId: patientId, patientName: "\(givenName) \(familyName)",
                           start: startAt, end: endAt,
                           durationMinutes: Int((endAt.timeIntervalSince(startAt) / 60).rounded()),
                           kind: AppointmentKind(rawValue: kind) ?? .other,
                           status: AppointmentStatus(rawValue: status) ?? .booked,
                           note: note, overrideReason: overrideReason, sessionId: sessionId, createdAt: createdAt)
        }
    }

    static func find(_ id: UUID, on database: any Database) async throws -> AppointmentDTO? {
        try await list(Filter(id: id), limit: 1, offset: 0, on: database).items.first
    }

    /// One page of the appointments matching `filter`, earliest first, and how many match in all.
    static func list(_ filter: Filter, limit: Int, offset: Int, on database: any Database) async throws -> (items: [AppointmentDTO], total: Int) {
        guard let sql = database as? any SQLDatabase else { return ([], 0) }
        let rows = try await restricted(sql.select(), filter)
            .column(SQLColumn("id", table: "a"), as: "id")
            .column(SQLColumn("practitioner_id", table: "a"), as: "practitionerId")
            .column(SQLColumn("display_name", table: "u"), as: "practitionerName")
            .column(SQLColumn("patient_id", table: "a"), as: "patientId")
            .column(SQLColumn("given_name", table: "p"), as: "givenName")
            .column(SQLColumn("family_name", table: "p"), as: "familyName")
            .column(SQLColumn("start_at", table: "a"), as: "startAt")
            .column(SQLColumn("end_at", table: "a"), as: "endAt")
            .column(SQLColumn("kind", table: "a"), as: "kind")
            .column(SQLColumn("status", table: "a"), as: "status")
            .column(SQLColumn("note", table: "a"), as: "note")
            .column(SQLColumn("override_reason", table: "a"), as: "overrideReason")
            .column(SQLColumn("session_id", table: "a"), as: "sessionId")
            .column(SQLColumn("created_at", table: "a"), as: "createdAt")
            .orderBy(SQLColumn("start_at", table: "a"), SQLDirection.ascending)
            .orderBy(SQLColumn("created_at", table: "a"), SQLDirection.ascending)
            .orderBy(SQLColumn("id", table: "a"), SQLDirection.ascending)
            .limit(limit).offset(offset)
            .all(decoding: Row.self)
        struct Count: Decodable { let count: Int }
        let total = try await restricted(sql.select(), filter)
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .first(decoding: Count.self)?.count ?? 0
        return (rows.map(\.dto), total)
    }

    private static func restricted(_ select: SQLSelectBuilder, _ filter: Filter) -> SQLSelectBuilder {
        select.from(AppointmentModel.schema, as: "a")
            .join(SQLAlias(SQLIdentifier(UserModel.schema), as: SQLIdentifier("u")),
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("practitioner_id", table: "a"))
            .join(SQLAlias(SQLIdentifier(PatientModel.schema), as: SQLIdentifier("p")),
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("patient_id", table: "a"))
        if let id = filter.id { select.where(SQLColumn("id", table: "a"), .equal, SQLBind(id)) }
        if let practitioner = filter.practitionerID {
            select.where(SQLColumn("practitioner_id", table: "a"), .equal, SQLBind(practitioner))
        }
        if let patient = filter.patientID { select.where(SQLColumn("patient_id", table: "a"), .equal, SQLBind(patient)) }
        if let from = filter.from { select.where(SQLColumn("start_at", table: "a"), .greaterThanOrEqual, SQLBind(from)) }
        if let to = filter.to { select.where(SQLColumn("start_at", table: "a"), .lessThan, SQLBind(to)) }
        if let status = filter.status { select.where(SQLColumn("status", table: "a"), .equal, SQLBind(status.rawValue)) }
        return select
    }
}
