import Fluent

/// `calendar_feed_tokens` (`CalendarFeedTokenModel`): one feed per practitioner and one per
/// patient, enforced by the unique columns (several NULLs are allowed on SQLite and PostgreSQL).
struct CreateCalendarFeedToken: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CalendarFeedTokenModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("practitioner_id", .uuid, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("patient_id", .uuid, .references(PatientModel.schema, "id", onDelete: .cascade))
            .field("created_by", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .unique(on: "practitioner_id")
            .unique(on: "patient_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CalendarFeedTokenModel.schema).delete()
    }
}
