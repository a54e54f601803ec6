import Foundation
import TenderpointCore
import Vapor

/// `/login`, `/logout` and `/`: signing in with the same accounts, bcrypt check, bound on
/// hashes at once and lockout as `POST /api/auth/token` (`CredentialCheck`), into a
/// database-backed session.
struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("login", use: form)
        routes.post("login", use: signIn)
        routes.post("logout", use: signOut)
    }

    static func loginPath(returningTo next: String?) -> String {
        guard let next, let safe = safeNext(next), safe != "/" else { return "/login" }
        var components = URLComponents()
        components.path = "/login"
        components.queryItems = [URLQueryItem(name: "next", value: safe)]
        return components.string ?? "/login"
    }

    /// Only a path on this server: one "/" then visible ASCII (no "//", no backslash, no space,
    /// tab, line break or other control character, which browsers drop or fold into "//host"),
    /// and not the sign-in pages themselves. Anything else goes to the signed-in home page.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.utf8.count <= 500, next.hasPrefix("/"), !next.hasPrefix("//"),
              next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }),
              !next.hasPrefix("/login"), !next.hasPrefix("/logout") else { return nil }
        return next
    }

    @Sendable
    func home(request: Request) async throws -> Response {
        guard let user = request.auth.get(AuthenticatedUser.self) else { return request.seeOther("/login") }
        return request.seeOther(NavigationItem.home(for: user))
    }

    @Sendable
    func form(request: Request) async throws -> Response {
        let next = Self.safeNext(try? request.query.get(String.self, at: "next"))
        if let user = request.auth.get(AuthenticatedUser.self) {
            return request.seeOther(next ?? NavigationItem.home(for: user))
        }
        return LoginPage.View.render(LoginPage.Model(next: next), context: request.pageContext).response()
    }

    @Sendable
    func signIn(request: Request) async throws -> Response {
        let form = try await request.webForm()
        let username = form["username"] ?? ""
        let next = Self.safeNext(form["next"])
        let now = Date()
        let user: AuthenticatedUser
        do {
            let account = try await CredentialCheck.verify(username: username, password: form["password"] ?? "", request: request, now: now)
            user = try CredentialCheck.authenticatedUser(account)
            let entry = AuditEntry(user: user, action: .login, resourceType: "Session", detail: "web")
            try await request.db.writeTransaction { database in
                try await CredentialCheck.recordSuccess(account, now: now, on: database)
                try await AuditLog.insert(entry, on: database)
            }
        } catch let error as APIError where error.status == .unauthorized || error.status == .tooManyRequests {
            let model = LoginPage.Model(username: username, error: error.reason, next: next)
            let response = LoginPage.View.render(model, context: request.pageContext).response(status: error.status)
            if let retry = error.headers.first(name: .retryAfter) { response.headers.replaceOrAdd(name: .retryAfter, value: retry) }
            return response
        }
        try await WebSession.signIn(user, request: request)
        return request.seeOther(next ?? NavigationItem.home(for: user))
    }

    /// Signing out is audited like signing in, in its own write (not the buffered reads), so
    /// the trail shows when each web session ended by choice.
    @Sendable
    func signOut(request: Request) async throws -> Response {
        if let user = request.auth.get(AuthenticatedUser.self) {
            let entry = AuditEntry(user: user, action: .logout, resourceType: "Session", detail: "web")
            try await request.db.writeTransaction { database in try await AuditLog.insert(entry, on: database) }
        }
        WebSession.signOut(request: request)
        return request.seeOther("/login")
    }
}
