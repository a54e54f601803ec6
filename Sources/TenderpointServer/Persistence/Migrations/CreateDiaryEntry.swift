import Fluent
import SQLKit

struct CreateDiaryEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("diary_entries")
            .id()
            .field("patient_id", .uuid, .required, .references("patients", "id"))
            .field("recorded_at", .datetime, .required)
            .field("date", .string, .required)
            .field("pain_nrs", .int, .required)
            .field("fatigue", .int)
            .field("sleep_quality", .int)
            .field("pain_areas", .string)
            .field("side_effects", .string)
            .field("note", .string)
            .field("entered_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "diary_patient_date").on("diary_entries")
            .column("patient_id").column("date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("diary_entries").delete()
    }
}
