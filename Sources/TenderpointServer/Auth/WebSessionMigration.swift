import Fluent

/// The `web_sessions` table of `WebSessionRecord`. Registered by `configure` after the records'
/// migrations, so it is the last one on an existing database too.
struct CreateWebSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebSessionRecord.schema)
            .id()
            .field("key_hash", .string, .required)
            .field("data", .string, .required)
            .field("user_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "key_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebSessionRecord.schema).delete()
    }
}
