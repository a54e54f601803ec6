import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Creating and administering accounts, shared by the CLI, the admin pages, the demo clinic and
/// the tests, so that every way in applies the same password rule, the same bcrypt hashing and
/// the same guards. Each function works inside the caller's write transaction (which also
/// holds the audit record); none writes a password anywhere but as its bcrypt hash.
enum UserAccounts {
    static let minimumPasswordLength = 8

    static func normalized(username: String) -> String {
        username.trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func passwordProblems(_ password: String, field: String = "password") -> [Problem] {
        password.count < minimumPasswordLength
            ? [Problem(.invalidValue, "password must have at least \(minimumPasswordLength) characters.", field: field)]
            : []
    }

    /// Checks the username, password, role and patient link; all problems at once.
    static func validate(username: String, password: String, role: Role, patientID: UUID?) -> [Problem] {
        var problems: [Problem] = []
        let name = normalized(username: username)
        if name.isEmpty || name.count > 64 || !name.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) {
            problems.append(Problem(.invalidValue, "username must be 1–64 letters, digits or . _ - @.", field: "username"))
        }
        problems += passwordProblems(password)
        problems += linkProblems(role: role, patientID: patientID)
        return problems
    }

    /// A patient account belongs to exactly one patient record; a staff account to none.
    static func linkProblems(role: Role, patientID: UUID?) -> [Problem] {
        if role == .patient, patientID == nil {
            return [Problem(.invalidValue, "a patient account must be linked to its patient record.", field: "patient")]
        }
        if role != .patient, patientID != nil {
            return [Problem(.invalidValue, "only a patient account is linked to a patient record.", field: "patient")]
        }
        return []
    }

    /// Creates an account with a bcrypt-hashed password inside the caller's transaction.
    static func create(username: String, password: String, role: Role, displayName: String?, patientID: UUID?,
                       hasher: AsyncPasswordHasher, on database: any Database) async throws -> UserModel {
        let problems = validate(username: username, password: password, role: role, patientID: patientID)
        guard problems.isEmpty else { throw Problems(problems) }
        let name = normalized(username: username)
        if try await UserModel.query(on: database).filter(\.$username == name).first() != nil {
            throw Problem(.duplicateIdentifier, "username \(name) is taken.", field: "username")
        }
        if let patientID, try await PatientModel.find(patientID, on: database) == nil {
            throw Problem(.unknownIdentifier, "no patient \(patientID) exists.", field: "patient")
        }
        let hash = try await hasher.hash(password)
        let user = UserModel(id: UUID(), username: name, passwordHash: hash, role: role,
                             displayName: displayName ?? name, patientID: patientID)
        try await user.create(on: database)
        return user
    }

    /// What ending an account's sign-ins removed, for the audit record.
    struct EndedSignIns: Sendable, Equatable {
        var tokens = 0
        var webSessions = 0

        var description: String {
            "ended \(tokens) API token\(tokens == 1 ? "" : "s") and \(webSessions) web session\(webSessions == 1 ? "" : "s")"
        }
    }

    /// Changes an account's role (and its patient link, which follows the role). `actor` is the
    /// admin doing it (nil from the command line): nobody demotes themselves, and the last
    /// active admin stays an admin. Returns the role it had.
    @discardableResult
    static func changeRole(_ userID: UUID, to role: Role, patientID: UUID?, actor: UUID?,
                           on database: any Database) async throws -> Role {
        let user = try await find(userID, on: database)
        let old = user.accountRole
        let problems = linkProblems(role: role, patientID: patientID)
        guard problems.isEmpty else { throw Problems(problems) }
        if old == .admin, role != .admin {
            if actor == userID {
                throw Problem(.invalidValue, "You cannot change your own role: another admin must.", field: "role")
            }
            try await requireAnotherActiveAdmin(besides: user, on: database, field: "role")
        }
        if let patientID, try await PatientModel.find(patientID, on: database) == nil {
            throw Problem(.unknownIdentifier, "no patient \(patientID) exists.", field: "patient")
        }
        user.role = role.rawValue
        user.$patient.id = patientID
        try await user.save(on: database)
        return old
    }

    /// Deactivates or reactivates an account. Deactivating ends every API token and web
    /// session of the account at once; nobody deactivates themselves, and the last active
    /// admin cannot be deactivated.
    @discardableResult
    static func setActive(_ userID: UUID, _ active: Bool, actor: UUID?, on database: any Database) async throws -> EndedSignIns {
        let user = try await find(userID, on: database)
        guard user.active != active else { return EndedSignIns() }
        if !active {
            if actor == userID {
                throw Problem(.invalidValue, "You cannot deactivate your own account: another admin must.", field: "active")
            }
            if user.accountRole == .admin {
                try await requireAnotherActiveAdmin(besides: user, on: database, field: "active")
            }
        }
        user.active = active
        try await user.save(on: database)
        return active ? EndedSignIns() : try await endSignIns(of: userID, on: database)
    }

    /// Sets a new password (the same rule and bcrypt as a new account) and ends the account's
    /// tokens and web sessions, all but `keeping` (the browser session of someone resetting
    /// their own password). A reset also clears a lockout: the person was locked out by
    /// failures with the old password.
    static func resetPassword(_ userID: UUID, password: String, keeping sessionKeyHash: String? = nil,
                              hasher: AsyncPasswordHasher, on database: any Database) async throws -> EndedSignIns {
        let problems = passwordProblems(password)
        guard problems.isEmpty else { throw Problems(problems) }
        let user = try await find(userID, on: database)
        user.passwordHash = try await hasher.hash(password)
        user.failedLogins = 0
        user.lockedUntil = nil
        try await user.save(on: database)
        return try await endSignIns(of: userID, keeping: sessionKeyHash, on: database)
    }

    /// Ends a lockout (and forgets the failures counted towards the next one). Returns whether
    /// the account was locked at `now`.
    @discardableResult
    static func clearLockout(_ userID: UUID, now: Date = Date(), on database: any Database) async throws -> Bool {
        let user = try await find(userID, on: database)
        let wasLocked = (user.lockedUntil ?? .distantPast) > now
        user.failedLogins = 0
        user.lockedUntil = nil
        try await user.save(on: database)
        return wasLocked
    }

    /// Removes the account's API tokens and web sessions (but the one whose key hash is `keeping`).
    static func endSignIns(of userID: UUID, keeping sessionKeyHash: String? = nil, on database: any Database) async throws -> EndedSignIns {
        var ended = EndedSignIns()
        ended.tokens = try await TokenModel.query(on: database).filter(\.$user.$id == userID).count()
        try await TokenModel.query(on: database).filter(\.$user.$id == userID).delete()
        var sessions = WebSessionRecord.query(on: database).filter(\.$userID == userID)
        if let sessionKeyHash { sessions = sessions.filter(\.$keyHash != sessionKeyHash) }
        ended.webSessions = try await sessions.count()
        try await sessions.delete()
        return ended
    }

    static func find(_ userID: UUID, on database: any Database) async throws -> UserModel {
        guard let user = try await UserModel.find(userID, on: database) else { throw APIError.notFound("User \(userID)") }
        return user
    }

    /// Refuses to leave the clinic without an active admin. On PostgreSQL the active admins'
    /// rows are locked first, so two admins demoting each other at the same moment cannot
    /// both pass (SQLite's write transaction already runs one writer at a time).
    private static func requireAnotherActiveAdmin(besides user: UserModel, on database: any Database, field: String) async throws {
        guard user.active else { return }
        struct Row: Decodable { let id: UUID }
        var others = 0
        if let sql = database as? any SQLDatabase {
            let lock = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE"
            let rows = try await sql.raw("""
                SELECT id FROM users WHERE role = \(bind: Role.admin.rawValue) AND active = \(bind: true)\(unsafeRaw: lock)
                """).all(decoding: Row.self)
            others = rows.filter { $0.id != user.id }.count
        } else {
            others = try await UserModel.query(on: database).filter(\.$role == Role.admin.rawValue).filter(\.$active == true)
                .filter(\.$id != user.requireID()).count()
        }
        guard others > 0 else {
            throw Problem(.invalidValue, "\(user.username) is the last active admin: make another account an admin first.", field: field)
        }
    }
}
