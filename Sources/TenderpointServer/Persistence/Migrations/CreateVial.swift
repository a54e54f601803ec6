import Fluent
import SQLKit

struct CreateVial: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("vials")
            .id()
            .field("product", .string, .required)
            .field("lot_number", .string, .required)
            .field("expiry_date", .string, .required)
            .field("units_tenths", .int, .required)
            .field("diluent_ml", .string)
            .field("reconstituted_at", .datetime)
            .field("state", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "vials_lot").on("vials").column("lot_number").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("vials").delete()
    }
}
