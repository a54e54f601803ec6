import Foundation
import SQLKit
import TenderpointCore

/// Reading the audit trail for the admin: the filters as SQL conditions, newest first, a page at
/// a time by keyset (`at`, `id`) so page 1,000 costs what page 1 does, and the same rows in
/// chunks for the CSV download.
enum AdminAuditQuery {
    struct Row: Decodable, Sendable, Equatable {
        let id: UUID
        let at: Date
        let user_id: UUID?
        let username: String?
        let role: String?
        let action: String
        let resource_type: String
        let resource_id: String?
        let patient_id: UUID?
        let outcome: String
        let detail: String?
        let given_name: String?
        let family_name: String?

        var patientName: String? {
            guard patient_id != nil else { return nil }
            let name = [given_name, family_name].compactMap { $0 }.joined(separator: " ")
            return name.isEmpty ? nil : name
        }

        var cursor: AdminAuditFilter.Cursor { AdminAuditFilter.Cursor(at: at, id: id) }
    }

    struct Page: Sendable, Equatable {
        let rows: [Row]
        /// Set when older rows exist.
        let next: AdminAuditFilter.Cursor?
    }

    static let pageSize = 50

    /// The audit indexes a page can walk from the newest row.
    enum Index: String {
        /// Every row by time.
        case byTime = "audit_at"
        /// One user's rows by time: a user filter finds its rows (or that there are none) at once.
        case byUserAndTime = "audit_username_at"
    }

    /// A patient filter has its own index (`audit_patient_at`), which SQLite chooses itself; a user
    /// filter walks the user's; anything else walks time.
    static func index(for filter: AdminAuditFilter) -> Index? {
        if filter.patientText != nil { return nil }
        return filter.username == nil ? .byTime : .byUserAndTime
    }

    /// The filter's conditions; `patients` are the ids the patient filter resolved to (nil: no patient filter).
    static func conditions(_ filter: AdminAuditFilter, patients: [UUID]?, timeZone: TimeZone) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if let from = filter.from { conditions.append("e.at >= \(bind: from.start(in: timeZone))") }
        if let to = filter.to { conditions.append("e.at < \(bind: to.adding(days: 1).start(in: timeZone))") }
        if let username = filter.username { conditions.append("e.username = \(bind: username)") }
        if let patients {
            conditions.append(patients.isEmpty ? "1 = 0" : "e.patient_id IN (\(binds: patients))")
        }
        if let action = filter.action { conditions.append("e.action = \(bind: action)") }
        if let resource = filter.resourceType { conditions.append("e.resource_type = \(bind: resource)") }
        if let outcome = filter.outcome { conditions.append("e.outcome = \(bind: outcome)") }
        return conditions
    }

    /// Up to `limit` rows older than `cursor` (the newest when nil), and the cursor of the next page.
    /// The limit is written into the SQL (it is an integer): with a bound limit SQLite plans for
    /// any number of rows and sorts every match instead of walking the `at` index newest first.
    ///
    /// `index`: the index SQLite walks newest first (`index(for:)`). SQLite 3.54 otherwise reads
    /// every row matching an unindexed filter (a user, an action) and sorts them: 0.6 s instead of
    /// milliseconds for 100,000 matches in 500,000 rows.
    static func page(_ conditions: [SQLQueryString], index: Index?, after cursor: AdminAuditFilter.Cursor?,
                     limit: Int = pageSize, on sql: any SQLDatabase) async throws -> Page {
        let hint = sql.dialect.name == "sqlite" ? index.map { " INDEXED BY \($0.rawValue)" } ?? "" : ""
        var all = conditions
        if let cursor {
            // The `<=` alone bounds the index range; an OR of the two cases would scan the whole table.
            all.append("e.at <= \(bind: cursor.at) AND (e.at < \(bind: cursor.at) OR e.id < \(bind: cursor.id))")
        }
        let filter: SQLQueryString = all.isEmpty ? "1 = 1" : all.map { "(\($0))" as SQLQueryString }.joined(separator: " AND ")
        let rows = try await sql.raw("""
            SELECT e.id, e.at, e.user_id, e.username, e.role, e.action, e.resource_type, e.resource_id, e.patient_id,
                   e.outcome, e.detail, p.given_name, p.family_name
            FROM audit_events e\(unsafeRaw: hint) LEFT JOIN patients p ON p.id = e.patient_id
            WHERE \(filter)
            ORDER BY e.at DESC, e.id DESC
            LIMIT \(unsafeRaw: String(limit + 1))
            """).all(decoding: Row.self)
        let shown = Array(rows.prefix(limit))
        return Page(rows: shown, next: rows.count > limit ? shown.last?.cursor : nil)
    }

    static let csvHeader = "at,username,role,action,resourceType,resourceId,patientId,outcome,detail"

    /// One formatter for every line (making one costs more than formatting a row); formatters
    /// are safe to share between threads.
    nonisolated(unsafe) private static let instantFormatter = ISO8601DateFormatter()

    /// One CSV line (RFC 4180 quoting); the instant in UTC ISO 8601.
    static func csvLine(_ row: Row) -> String {
        [instantFormatter.string(from: row.at), row.username ?? "", row.role ?? "", row.action, row.resource_type,
         row.resource_id ?? "", row.patient_id?.uuidString ?? "", row.outcome, row.detail ?? ""]
            .map(csvField).joined(separator: ",")
    }

    /// Quoted when needed; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
