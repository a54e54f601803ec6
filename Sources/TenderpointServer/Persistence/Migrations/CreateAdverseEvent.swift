import Fluent
import SQLKit

struct CreateAdverseEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("adverse_events")
            .id()
            .field("patient_id", .uuid, .required, .references("patients", "id"))
            .field("session_id", .uuid, .required, .references("treatment_sessions", "id"))
            .field("kind", .string, .required)
            .field("onset_date", .string, .required)
            .field("severity", .string, .required)
            .field("serious", .bool, .required)
            .field("description", .string)
            .field("resolved_on", .string)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "adverse_events_patient").on("adverse_events").column("patient_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("adverse_events").delete()
    }
}
