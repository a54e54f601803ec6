import Fluent
import SQLKit

struct CreatePatient: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("patients")
            .id()
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("birth_date", .string, .required)
            .field("sex", .string, .required)
            .field("nhs_number", .string)
            .field("phone", .string)
            .field("email", .string)
            .field("address", .string)
            .field("search_name", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "nhs_number")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "patients_search_name").on("patients").column("search_name").run()
        try await sql.create(index: "patients_birth_date").on("patients").column("birth_date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("patients").delete()
    }
}
