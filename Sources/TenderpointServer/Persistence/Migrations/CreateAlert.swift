import Fluent
import SQLKit

/// Urgent patient reports (DOMAIN.md §4): an alert stays open on Today and the patient's page
/// until a clinician or nurse acknowledges it.
struct CreateAlert: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("alerts")
            .id()
            .field("patient_id", .uuid, .required, .references("patients", "id"))
            .field("kind", .string, .required)
            .field("raised_at", .datetime, .required)
            .field("adverse_event_id", .uuid, .references("adverse_events", "id"))
            .field("diary_entry_id", .uuid, .references("diary_entries", "id"))
            .field("acknowledged_at", .datetime)
            .field("acknowledged_by", .uuid, .references("users", "id"))
            .field("acknowledgement_note", .string)
            .create()
        try await (database as! any SQLDatabase).create(index: "alerts_patient").on("alerts").column("patient_id").run()
        try await (database as! any SQLDatabase).create(index: "alerts_open").on("alerts")
            .column("acknowledged_at").column("raised_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("alerts").delete()
    }
}
