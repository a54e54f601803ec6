import Fluent

struct CreateAvailability: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("availability")
            .id()
            .field("practitioner_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("weekday", .string, .required)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("availability").delete()
    }
}
