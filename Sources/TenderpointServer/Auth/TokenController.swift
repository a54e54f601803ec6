import Fluent
import Foundation
import TenderpointCore
import Vapor

/// `POST /api/auth/token`: username and password for a bearer token. The password check, the
/// bound on hashes at once (429 `too_many_sign_ins`) and the lockout (429 `account_locked`) are
/// `CredentialCheck`'s, shared with the web sign-in.
struct TokenController: RouteCollection {
    static let tokenLifetime: TimeInterval = 12 * 3600

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
        let now = Date()
        let user = try await CredentialCheck.verify(username: credentials.username, password: credentials.password,
                                                    request: request, now: now)
        let token = TokenDigest.newToken()
        let expiresAt = now.addingTimeInterval(Self.tokenLifetime)
        let signedIn = try CredentialCheck.authenticatedUser(user)
        let entry = AuditEntry(user: signedIn, action: .login, resourceType: "Session")
        try await request.db.writeTransaction { database in
            try await CredentialCheck.recordSuccess(user, now: now, on: database)
            try await TokenModel(userID: signedIn.id, tokenHash: TokenDigest.hash(token), expiresAt: expiresAt).create(on: database)
            try await AuditLog.insert(entry, on: database)
        }
        return TokenResponse(token: token, expiresAt: expiresAt, role: signedIn.role)
    }
}
