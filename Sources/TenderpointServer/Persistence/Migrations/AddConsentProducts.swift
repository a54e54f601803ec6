import Fluent

/// A consent may name the products it covers (DOMAIN.md §4); absent, it covers every type A
/// product. Stored as a JSON array of product identifiers.
struct AddConsentProducts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("consents").field("products", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consents").deleteField("products").update()
    }
}
