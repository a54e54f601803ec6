import Foundation
import Vapor

/// Refuses every state-changing request of the web pages (anything but GET, HEAD, OPTIONS)
/// whose `_csrf` field or `X-CSRF-Token` header does not match the session's token: 403,
/// audited, nothing done. The form body is read here once and kept for the handler.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        let form = try await request.webForm()
        let given = request.headers.first(name: CSRFToken.headerName) ?? form[CSRFToken.fieldName] ?? ""
        let expected = request.hasSession ? request.session.data[WebSession.csrfKey] : nil
        guard let expected, CSRFToken.matches(given, expected) else {
            await request.audit.record(AuditEntry(user: request.auth.get(AuthenticatedUser.self), action: .denied,
                                                  resourceType: "WebForm", outcome: .denied,
                                                  detail: "missing or wrong CSRF token on \(request.url.path)"))
            throw Abort(.forbidden, reason: "This form has expired or did not come from Tenderpoint. Reload the page and try again.")
        }
        return try await next.respond(to: request)
    }
}
