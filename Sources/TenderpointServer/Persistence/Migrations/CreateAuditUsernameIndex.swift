import Fluent
import SQLKit

/// The audit trail page filters by user: without an index on the username, a user with few or no
/// records meant walking every record (0.4 s at 500,000 records). Added as its own migration so
/// existing databases get it too.
struct CreateAuditUsernameIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_username_at").on("audit_events").column("username").column("at").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "audit_username_at").run()
    }
}
