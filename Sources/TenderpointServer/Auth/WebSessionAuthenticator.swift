import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Signs in the user a web session names, if the account still exists and is active: one
/// indexed lookup per request, so a deactivated account loses its sessions at once.
struct WebSessionAuthenticator: AsyncMiddleware {
    private struct Row: Decodable {
        let id: UUID
        let username: String
        let role: String
        let display_name: String
        let patient_id: UUID?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // `hasSession` is false without a session cookie: asking `request.session` then would
        // start a session for every anonymous request.
        if request.hasSession, let text = request.session.data[WebSession.userKey], let id = UUID(uuidString: text),
           let sql = request.db as? any SQLDatabase {
            let row = try await sql.raw("""
                SELECT id, username, role, display_name, patient_id FROM users
                WHERE id = \(bind: id) AND active = \(bind: true)
                """).first(decoding: Row.self)
            if let row, let role = Role(rawValue: row.role) {
                request.auth.login(AuthenticatedUser(id: row.id, username: row.username, role: role,
                                                     displayName: row.display_name, patientID: row.patient_id))
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}
