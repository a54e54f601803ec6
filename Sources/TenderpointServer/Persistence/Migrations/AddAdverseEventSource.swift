import Fluent
import SQLKit

/// Adverse events gain who put them on record (`clinician` or `patient`, DOMAIN.md §4
/// "Reported by the patient"); every event before this was recorded by the clinic.
struct AddAdverseEventSource: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Raw, for the default: every existing row becomes `clinician` (TEXT on both databases).
        try await (database as! any SQLDatabase).raw(
            "ALTER TABLE adverse_events ADD COLUMN source TEXT NOT NULL DEFAULT 'clinician'").run()
        // The diary entry a patient-reported event came from.
        try await database.schema("adverse_events").field("diary_entry_id", .uuid).update()
        // A patient's report looks up the kinds already on record for a session.
        try await (database as! any SQLDatabase).create(index: "adverse_events_session_kind").on("adverse_events")
            .column("session_id").column("kind").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "adverse_events_session_kind").run()
        try await database.schema("adverse_events").deleteField("diary_entry_id").update()
        try await database.schema("adverse_events").deleteField("source").update()
    }
}
