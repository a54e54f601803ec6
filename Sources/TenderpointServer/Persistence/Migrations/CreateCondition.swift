import Fluent
import SQLKit

struct CreateCondition: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("conditions")
            .id()
            .field("patient_id", .uuid, .required, .references("patients", "id"))
            .field("kind", .string, .required)
            .field("onset_date", .string)
            .field("recorded_date", .string, .required)
            .field("clinical_status", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "conditions_patient").on("conditions").column("patient_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("conditions").delete()
    }
}
