import Fluent
import SQLKit

/// The Today page reads the sessions of a few dates (the follow-ups due, the windows opening this
/// week) across every patient: without an index on the date each of those reads every session.
struct CreateSessionDateIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "sessions_date").on("treatment_sessions").column("date").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "sessions_date").run()
    }
}
