import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Accepts `Authorization: Bearer TOKEN` on `/api` and `/fhir`: one indexed lookup of the
/// token's hash joined to its active, unlocked account.
struct BearerAuthenticator: AsyncBearerAuthenticator {
    struct Row: Decodable {
        let id: UUID
        let username: String
        let role: String
        let display_name: String
        let patient_id: UUID?
    }

    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard let sql = request.db as? any SQLDatabase else { return }
        let row = try await sql.raw("""
            SELECT u.id, u.username, u.role, u.display_name, u.patient_id
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: TokenDigest.hash(bearer.token)) AND t.expires_at > \(bind: Date()) AND u.active = \(bind: true)
            """).first(decoding: Row.self)
        guard let row, let role = Role(rawValue: row.role) else { return }
        request.auth.login(AuthenticatedUser(id: row.id, username: row.username, role: role,
                                             displayName: row.display_name, patientID: row.patient_id))
    }
}
