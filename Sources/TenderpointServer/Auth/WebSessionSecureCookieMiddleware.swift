import Vapor

/// Marks the session cookie Secure when the request came over TLS: served with TLS by this
/// server, or by a proxy that says so (`X-Forwarded-Proto: https`). A client that claims HTTPS
/// falsely only gets a cookie its own browser will not send back over plain HTTP.
struct WebSessionSecureCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if Self.isSecure(request), var cookie = response.cookies[WebSession.cookieName] {
            cookie.isSecure = true
            response.cookies[WebSession.cookieName] = cookie
        }
        return response
    }

    static func isSecure(_ request: Request) -> Bool {
        if request.application.http.server.configuration.tlsConfiguration != nil { return true }
        let forwarded = request.headers.first(name: "X-Forwarded-Proto")?
            .split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return forwarded == "https"
    }
}
