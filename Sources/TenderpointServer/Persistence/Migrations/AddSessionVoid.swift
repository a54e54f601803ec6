import Fluent

/// A session charted in error is voided, never deleted (DOMAIN.md §3): it stays in the record,
/// marked with when, by whom and why, and stops counting for the interval, the dose limits and
/// the outcomes. Added one column per statement, as SQLite alters a table.
struct AddSessionVoid: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("treatment_sessions").field("voided_at", .datetime).update()
        try await database.schema("treatment_sessions").field("voided_by", .uuid).update()
        try await database.schema("treatment_sessions").field("void_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("treatment_sessions").deleteField("void_reason").update()
        try await database.schema("treatment_sessions").deleteField("voided_by").update()
        try await database.schema("treatment_sessions").deleteField("voided_at").update()
    }
}
