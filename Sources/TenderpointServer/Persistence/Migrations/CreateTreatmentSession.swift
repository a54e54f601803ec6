import Fluent
import SQLKit

struct CreateTreatmentSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("treatment_sessions")
            .id()
            .field("patient_id", .uuid, .required, .references("patients", "id"))
            .field("date", .string, .required)
            .field("performed_at", .datetime, .required)
            .field("injector_id", .uuid, .required, .references("users", "id"))
            .field("supervisor_id", .uuid, .references("users", "id"))
            .field("product", .string, .required)
            .field("total_units_tenths", .int, .required)
            .field("screening", .string, .required)
            .field("acknowledged", .string, .required)
            .field("consent_id", .uuid, .required, .references("consents", "id"))
            .field("guidance", .string, .required)
            .field("override_reason", .string)
            .field("note", .string)
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "sessions_patient_date").on("treatment_sessions")
            .column("patient_id").column("date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("treatment_sessions").delete()
    }
}
