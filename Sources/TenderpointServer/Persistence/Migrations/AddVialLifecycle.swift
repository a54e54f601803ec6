import Fluent

/// Vials end as finished, discarded (with a reason and the units wasted) or recalled (DOMAIN.md
/// §2): the columns that record how a vial ended.
struct AddVialLifecycle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("vials").field("closed_at", .datetime).update()
        try await database.schema("vials").field("close_reason", .string).update()
        try await database.schema("vials").field("wasted_units_tenths", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("vials").deleteField("wasted_units_tenths").update()
        try await database.schema("vials").deleteField("close_reason").update()
        try await database.schema("vials").deleteField("closed_at").update()
    }
}
