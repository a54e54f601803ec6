import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Checking a username and password, shared by `POST /api/auth/token` and the web sign-in so
/// that both refuse alike: the same bcrypt accounts, the same lockout, the same answers.
///
/// - Every check takes a place in `PasswordWork` first (its own threads, a bounded queue; beyond
///   it `429 too_many_sign_ins` with `Retry-After`, held for `refusalDelay` first, before any
///   database work).
/// - Unknown, deactivated and real accounts cost the same: one bcrypt verification (a stand-in
///   hash of the same cost when there is no usable account), the same database write attempt,
///   no extra delay, and the same `401 invalid_credentials` body.
/// - Failures are counted by one atomic `UPDATE … SET failed_logins = failed_logins + 1 …
///   RETURNING` that only matches an account that is not locked, so concurrent guesses (many
///   requests, several server instances on one PostgreSQL database) count exactly
///   `maximumFailures` before the lock; the last one sets `locked_until` for `lockout`.
enum CredentialCheck {
    static let maximumFailures = 5
    static let lockout: TimeInterval = 15 * 60

    /// The account whose password matched, not yet reset: the caller resets its failure count
    /// with `recordSuccess` inside the transaction that starts the session or issues the token.
    /// Refusals are audited and thrown as the API's errors (401 `invalid_credentials`,
    /// 429 `account_locked` or `too_many_sign_ins` with `Retry-After`), which the web sign-in
    /// turns into a form message.
    static func verify(username rawUsername: String, password: String, request: Request, now: Date = Date()) async throws -> UserModel {
        let username = UserAccounts.normalized(username: rawUsername)
        let work = request.application.passwordWork
        // Refused before any other work, and not audited one by one: a flood must not become a
        // flood of audit writes (PasswordWork counts them; the server logs them once a minute).
        let admission: PasswordWork.Admission
        do {
            admission = try work.admit(logger: request.logger)
        } catch {
            if work.refusalDelay > .zero { try? await Task.sleep(for: work.refusalDelay) }
            throw error
        }
        let user: UserModel?
        let matched: Bool
        do {
            defer { admission.release() }
            user = try await UserModel.query(on: request.db).filter(\.$username == username).first()
            if let user, let lockedUntil = user.lockedUntil, lockedUntil > now {
                await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .denied, detail: "locked"))
                throw locked(until: lockedUntil, now: now)
            }
            // A deactivated account's own hash is checked too (the same cost as a real sign-in).
            matched = try await work.verify(password, against: user?.passwordHash)
        }
        if let user, user.active, matched { return user }

        // The same write for every refusal: it counts on an existing account, matches no row otherwise.
        let counted = try await countFailure(username: username, now: now, on: request.db)
        switch (user, counted) {
        case (nil, _):
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .failure,
                                                  detail: "unknown username"))
        case (let user?, nil):
            // Locked by concurrent guesses between the check above and this one.
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .denied, detail: "locked"))
            let lockedUntil = try await UserModel.find(user.id, on: request.db)?.lockedUntil
            throw locked(until: max(lockedUntil ?? now.addingTimeInterval(lockout), now), now: now)
        case (let user?, let failures?):
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .failure,
                                                  detail: user.active ? "failure \(failures)" : "failure \(failures) (deactivated)"))
        }
        throw invalidCredentials
    }

    static let invalidCredentials = APIError(.unauthorized, code: "invalid_credentials", message: "The username or password is wrong.")

    static func locked(until lockedUntil: Date, now: Date) -> APIError {
        var error = APIError(.tooManyRequests, code: "account_locked",
                             message: "Too many failed sign-ins: this account is locked until \(JSONCoding.formatInstant(lockedUntil)).")
        let seconds = max(1, min(lockout, lockedUntil.timeIntervalSince(now)).rounded(.up))
        error.headers.replaceOrAdd(name: .retryAfter, value: String(Int(seconds)))
        return error
    }

    private struct FailureRow: Decodable, Sendable {
        let failed_logins: Int
        let locked_until: Date?
    }

    /// Counts one failure on the account named `username` if it is not locked at `now`, in one
    /// atomic statement; the `maximumFailures`th locks it (and starts the count again for after
    /// the lock). Returns which failure this was (1…maximumFailures), or nil when no row
    /// matched: no such account, or one locked already.
    static func countFailure(username: String, now: Date, on database: any Database) async throws -> Int? {
        // A whole second, so the instant read back (SQLite's driver rounds to microseconds) is the one stored.
        let until = Date(timeIntervalSince1970: now.addingTimeInterval(lockout).timeIntervalSince1970.rounded(.up))
        let row = try await database.writeTransaction { transaction -> FailureRow? in
            let sql = transaction as! any SQLDatabase
            return try await sql.raw("""
                UPDATE users SET
                  failed_logins = CASE WHEN failed_logins + 1 >= \(bind: maximumFailures) THEN 0 ELSE failed_logins + 1 END,
                  locked_until = CASE WHEN failed_logins + 1 >= \(bind: maximumFailures) THEN \(bind: until) ELSE NULL END
                WHERE username = \(bind: username) AND (locked_until IS NULL OR locked_until <= \(bind: now))
                RETURNING failed_logins, locked_until
                """).first(decoding: FailureRow.self)
        }
        guard let row else { return nil }
        return row.locked_until == nil ? row.failed_logins : maximumFailures
    }

    /// Clears the failure count, inside the caller's transaction, unless concurrent guesses
    /// locked the account since its password was checked: then the sign-in is refused (429).
    static func recordSuccess(_ user: UserModel, now: Date = Date(), on database: any Database) async throws {
        struct Row: Decodable { let id: UUID }
        let sql = database as! any SQLDatabase
        let cleared = try await sql.raw("""
            UPDATE users SET failed_logins = 0, locked_until = NULL
            WHERE id = \(bind: try user.requireID()) AND (locked_until IS NULL OR locked_until <= \(bind: now))
            RETURNING id
            """).first(decoding: Row.self)
        guard cleared == nil else { return }
        let lockedUntil = try await UserModel.find(user.id, on: database)?.lockedUntil
        throw locked(until: lockedUntil ?? now.addingTimeInterval(lockout), now: now)
    }

    /// The signed-in person the account stands for.
    static func authenticatedUser(_ user: UserModel) throws -> AuthenticatedUser {
        AuthenticatedUser(id: try user.requireID(), username: user.username, role: user.accountRole,
                          displayName: user.displayName, patientID: user.$patient.id)
    }
}
