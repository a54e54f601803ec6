import Fluent
import SQLKit

struct CreateInjection: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("injections")
            .id()
            .field("session_id", .uuid, .required, .references("treatment_sessions", "id", onDelete: .cascade))
            .field("vial_id", .uuid, .required, .references("vials", "id"))
            .field("site_kind", .string, .required)
            .field("site_id", .string, .required)
            .field("chart_view", .string)
            .field("chart_x", .double)
            .field("chart_y", .double)
            .field("units_tenths", .int, .required)
            .field("volume_ml", .string)
            .field("position", .int, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "injections_session").on("injections").column("session_id").run()
        try await sql.create(index: "injections_vial").on("injections").column("vial_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("injections").delete()
    }
}
