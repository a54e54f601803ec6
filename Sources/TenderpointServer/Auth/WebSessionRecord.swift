import Fluent
import Foundation

/// A signed-in browser's session, in the database so that every server instance behind a load
/// balancer knows it. Only the SHA-256 of the cookie's value is stored (as for API tokens), so
/// a copy of the database cannot take over anyone's session.
final class WebSessionRecord: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "key_hash") var keyHash: String
    /// Vapor's `SessionData` as JSON text (`{"user": "…", "csrf": "…"}`).
    @Field(key: "data") var data: String
    /// The signed-in account, so that its sessions can be ended together; nil before sign-in.
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
