import Fluent
import SQLKit

struct CreateConsent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("consents")
            .id()
            .field("patient_id", .uuid, .required, .references("patients", "id"))
            .field("date", .string, .required)
            .field("information_version", .string, .required)
            .field("signed_by", .string, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("withdrawn_on", .string)
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "consents_patient").on("consents").column("patient_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consents").delete()
    }
}
