import Fluent
import SQLKit

struct CreateAssessment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("assessments")
            .id()
            .field("patient_id", .uuid, .required, .references("patients", "id"))
            .field("date", .string, .required)
            .field("assessed_at", .datetime, .required)
            .field("assessed_by", .uuid, .required, .references("users", "id"))
            .field("tender_points", .string)
            .field("tender_point_count", .int)
            .field("acr1990_met", .bool)
            .field("acr2016", .string)
            .field("wpi", .int)
            .field("sss", .int)
            .field("fs", .int)
            .field("acr2016_met", .bool)
            .field("fiqr_answers", .string)
            .field("fiqr_total", .double)
            .field("pain_nrs", .int)
            .field("pgic", .int)
            .field("note", .string)
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "assessments_patient_date").on("assessments")
            .column("patient_id").column("date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("assessments").delete()
    }
}
