import Vapor

/// Headers every answer carries (API-CONTRACT.md, "safety and hardening"): `nosniff` on all of
/// them, 404s and errors included, so a browser never guesses a type for patient data; and
/// `Cache-Control: no-store` on `/api` and `/fhir`, whose answers hold patient data that no
/// shared or browser cache may keep. Registered outermost, so it sees the answers the error
/// middleware makes from errors too.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if Self.isDataPath(request.url.path) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }

    /// `/api`, `/fhir` and anything below them.
    static func isDataPath(_ path: String) -> Bool {
        for prefix in ["/api", "/fhir"] where path == prefix || path.hasPrefix(prefix + "/") {
            return true
        }
        return false
    }
}
