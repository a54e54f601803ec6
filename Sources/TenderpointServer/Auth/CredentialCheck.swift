import Fluent
import Foundation
import TenderpointCore
import Vapor

/// Checking a username and password, shared by `POST /api/auth/token` and the web sign-in so
/// that both refuse alike: the same bcrypt accounts, the same slow-down and the same lockout.
///
/// Repeated failures on one account are slowed (each failure after the third waits a little
/// longer before answering) and then locked out for `lockout` after `maximumFailures`.
/// Unknown usernames cost the same bcrypt work as known ones, so timing does not reveal them.
enum CredentialCheck {
    static let maximumFailures = 5
    static let lockout: TimeInterval = 15 * 60

    /// The account whose password matched, not yet reset: the caller resets its failure count
    /// with `recordSuccess` inside the transaction that starts the session or issues the token.
    /// Refusals are audited and thrown as the API's errors (401 `invalid_credentials`,
    /// 429 `account_locked` with `Retry-After`), which the web sign-in turns into a form message.
    static func verify(username rawUsername: String, password: String, request: Request, now: Date = Date()) async throws -> UserModel {
        let username = UserAccounts.normalized(username: rawUsername)
        guard let user = try await UserModel.query(on: request.db).filter(\.$username == username).first() else {
            // The same bcrypt work as a verification, so the answer's timing does not reveal the name.
            _ = try? await request.password.async.hash(password)
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .failure, detail: "unknown username"))
            throw invalidCredentials
        }
        if let lockedUntil = user.lockedUntil, lockedUntil > now {
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .denied, detail: "locked"))
            var error = APIError(.tooManyRequests, code: "account_locked",
                                 message: "Too many failed sign-ins: this account is locked until \(JSONCoding.formatInstant(lockedUntil)).")
            error.headers.replaceOrAdd(name: .retryAfter, value: String(Int(lockedUntil.timeIntervalSince(now).rounded(.up))))
            throw error
        }
        let valid = user.active ? try await request.password.async.verify(password, created: user.passwordHash) : false
        guard valid else {
            let failures = user.failedLogins + 1
            user.failedLogins = failures >= maximumFailures ? 0 : failures
            if failures >= maximumFailures { user.lockedUntil = now.addingTimeInterval(lockout) }
            try await user.save(on: request.db)
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .failure,
                                                  detail: "failure \(failures)"))
            if failures > 2 { try await Task.sleep(for: .milliseconds(250 * (failures - 2))) }
            throw invalidCredentials
        }
        return user
    }

    static let invalidCredentials = APIError(.unauthorized, code: "invalid_credentials", message: "The username or password is wrong.")

    /// Clears the failure count and any lockout, inside the caller's transaction.
    static func recordSuccess(_ user: UserModel, on database: any Database) async throws {
        user.failedLogins = 0
        user.lockedUntil = nil
        try await user.save(on: database)
    }

    /// The signed-in person the account stands for.
    static func authenticatedUser(_ user: UserModel) throws -> AuthenticatedUser {
        AuthenticatedUser(id: try user.requireID(), username: user.username, role: user.accountRole,
                          displayName: user.displayName, patientID: user.$patient.id)
    }
}
