import Foundation
import TenderpointCore
import Vapor

/// The browser session of the web pages: a cookie naming a `WebSessionRecord`, HttpOnly (page
/// scripts never read it) and SameSite=Lax (other sites' forms do not carry it; links still
/// do), marked Secure behind TLS by `WebSessionSecureCookieMiddleware`.
enum WebSession {
    static let cookieName = "tenderpoint-session"
    /// Session data keys.
    static let userKey = "user"
    static let csrfKey = "csrf"
    /// As long as an API token: a working day.
    static let lifetime: TimeInterval = TokenController.tokenLifetime

    static var configuration: SessionsConfiguration {
        SessionsConfiguration(cookieName: cookieName) { id in
            HTTPCookies.Value(string: id.string, expires: Date().addingTimeInterval(lifetime), maxAge: Int(lifetime),
                              domain: nil, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .lax)
        }
    }

    /// The web group's middleware, outermost first: the Secure flag sees the cookie the
    /// sessions middleware sets; errors become pages inside the session, so a refused form
    /// keeps its session; the signed-in user is known before the CSRF check, which runs last.
    static func middleware() -> [any Middleware] {
        [WebSessionSecureCookieMiddleware(),
         SessionsMiddleware(session: WebSessionDriver(), configuration: configuration),
         WebErrorMiddleware(),
         WebSessionAuthenticator(),
         CSRFMiddleware()]
    }

    /// Starts a new session for `user` (a new cookie value: one set before sign-in, perhaps by
    /// someone else, is never promoted) with a fresh CSRF token.
    static func signIn(_ user: AuthenticatedUser, request: Request) async throws {
        if let old = request.session.id {
            try await WebSessionDriver.delete(old, on: request.db)
        }
        try await WebSessionDriver.purgeExpired(on: request.db)
        request.session.id = nil
        request.session.data = [userKey: user.id.uuidString, csrfKey: CSRFToken.generate()]
        request.auth.login(user)
    }

    /// Ends the session: the middleware deletes its record and expires the cookie.
    static func signOut(request: Request) {
        request.auth.logout(AuthenticatedUser.self)
        request.session.destroy()
    }
}
