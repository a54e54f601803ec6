import Fluent
import Foundation
import TenderpointCore
import Vapor

/// `POST /api/auth/token`: username and password for a bearer token.
///
/// Repeated failures on one account are slowed (each failure after the third waits a little
/// longer before answering) and then locked out for `lockout` after `maximumFailures`.
/// Unknown usernames cost the same bcrypt work as known ones, so timing does not reveal them.
struct TokenController: RouteCollection {
    static let tokenLifetime: TimeInterval = 12 * 3600
    static let maximumFailures = 5
    static let lockout: TimeInterval = 15 * 60

    struct Credentials: Content {
        let username: String
        let password: String
    }

    struct TokenResponse: Content {
        let token: String
        let expiresAt: Date
        let role: Role
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: token)
    }

    @Sendable
    func token(request: Request) async throws -> TokenResponse {
        let credentials = try request.content.decode(Credentials.self)
        let username = credentials.username.trimmingCharacters(in: .whitespaces).lowercased()
        let now = Date()

        guard let user = try await UserModel.query(on: request.db).filter(\.$username == username).first() else {
            // The same bcrypt work as a verification, so the answer's timing does not reveal the name.
            _ = try? await request.password.async.hash(credentials.password)
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .failure, detail: "unknown username"))
            throw APIError(.unauthorized, code: "invalid_credentials", message: "The username or password is wrong.")
        }
        if let lockedUntil = user.lockedUntil, lockedUntil > now {
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .denied, detail: "locked"))
            var error = APIError(.tooManyRequests, code: "account_locked",
                                 message: "Too many failed sign-ins: this account is locked until \(JSONCoding.formatInstant(lockedUntil)).")
            error.headers.replaceOrAdd(name: .retryAfter, value: String(Int(lockedUntil.timeIntervalSince(now).rounded(.up))))
            throw error
        }
        let valid = user.active ? try await request.password.async.verify(credentials.password, created: user.passwordHash) : false
        guard valid else {
            let failures = user.failedLogins + 1
            user.failedLogins = failures >= Self.maximumFailures ? 0 : failures
            if failures >= Self.maximumFailures { user.lockedUntil = now.addingTimeInterval(Self.lockout) }
            try await user.save(on: request.db)
            await request.audit.record(AuditEntry(username: username, action: .loginFailed, resourceType: "Session", outcome: .failure,
                                                  detail: "failure \(failures)"))
            if failures > 2 { try await Task.sleep(for: .milliseconds(250 * (failures - 2))) }
            throw APIError(.unauthorized, code: "invalid_credentials", message: "The username or password is wrong.")
        }

        let token = TokenDigest.newToken()
        let expiresAt = now.addingTimeInterval(Self.tokenLifetime)
        let userID = try user.requireID()
        let role = user.accountRole
        let entry = AuditEntry(user: AuthenticatedUser(id: userID, username: user.username, role: role, displayName: user.displayName,
                                                       patientID: user.$patient.id),
                               action: .login, resourceType: "Session")
        try await request.db.writeTransaction { database in
            user.failedLogins = 0
            user.lockedUntil = nil
            try await user.save(on: database)
            try await TokenModel(userID: userID, tokenHash: TokenDigest.hash(token), expiresAt: expiresAt).create(on: database)
            try await AuditLog.insert(entry, on: database)
        }
        return TokenResponse(token: token, expiresAt: expiresAt, role: role)
    }
}
