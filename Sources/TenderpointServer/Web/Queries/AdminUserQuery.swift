import Foundation
import SQLKit
import TenderpointCore

/// The accounts for the admin's list and account page: one SQL query joining each patient
/// account's patient record (name and NHS number) for the list.
enum AdminUserQuery {
    struct Row: Decodable, Sendable, Equatable {
        let id: UUID
        let username: String
        let display_name: String
        let role: String
        let active: Bool
        let failed_logins: Int
        let locked_until: Date?
        let patient_id: UUID?
        let created_at: Date?
        let given_name: String?
        let family_name: String?
        let nhs_number: String?
    }

    /// One account as the pages show it.
    struct Account: Sendable, Equatable {
        let id: UUID
        let username: String
        let displayName: String
        let role: Role
        let active: Bool
        let failedSignIns: Int
        /// Set while a lockout lasts.
        let lockedUntil: Date?
        let patient: AdminPatientLookup.Patient?
        let createdAt: Date?

        init(_ row: Row, now: Date) {
            id = row.id
            username = row.username
            displayName = row.display_name
            role = Role(rawValue: row.role) ?? .patient
            active = row.active
            failedSignIns = row.failed_logins
            lockedUntil = row.locked_until.flatMap { $0 > now ? $0 : nil }
            patient = row.patient_id.map { id in
                AdminPatientLookup.Patient(id: id, name: [row.given_name, row.family_name].compactMap { $0 }.joined(separator: " "),
                                           nhsNumber: row.nhs_number)
            }
            createdAt = row.created_at
        }
    }

    struct Page: Sendable, Equatable {
        let accounts: [Account]
        let total: Int
    }

    static let pageSize = 100

    private static let columns: SQLQueryString = """
        SELECT u.id, u.username, u.display_name, u.role, u.active, u.failed_logins, u.locked_until, u.patient_id, u.created_at,
               p.given_name, p.family_name, p.nhs_number
        FROM users u LEFT JOIN patients p ON p.id = u.patient_id
        """

    /// Accounts of `role` (all when nil) whose username or display name contains `text`, by username.
    static func list(role: Role?, text: String?, offset: Int, now: Date = Date(), on sql: any SQLDatabase) async throws -> Page {
        var conditions: [SQLQueryString] = []
        if let role { conditions.append("u.role = \(bind: role.rawValue)") }
        if let text = text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append("(LOWER(u.username) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(u.display_name) LIKE \(bind: pattern) ESCAPE '\\')")
        }
        let filter: SQLQueryString = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
        struct Count: Decodable { let accounts: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS accounts FROM users u WHERE \(filter)").first(decoding: Count.self)?.accounts ?? 0
        let rows = try await sql.raw("\(columns) WHERE \(filter) ORDER BY u.username LIMIT \(bind: pageSize) OFFSET \(bind: max(0, offset))")
            .all(decoding: Row.self)
        return Page(accounts: rows.map { Account($0, now: now) }, total: total)
    }

    static func account(_ id: UUID, now: Date = Date(), on sql: any SQLDatabase) async throws -> Account? {
        try await sql.raw("\(columns) WHERE u.id = \(bind: id)").first(decoding: Row.self).map { Account($0, now: now) }
    }

    /// Every username, for the audit trail's user filter suggestions.
    static func usernames(on sql: any SQLDatabase) async throws -> [String] {
        struct Name: Decodable { let username: String }
        return try await sql.raw("SELECT username FROM users ORDER BY username").all(decoding: Name.self).map(\.username)
    }
}
