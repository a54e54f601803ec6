import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `GET /api/practitioners`: the active clinicians and nurses appointments can be booked with.
struct PractitionerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("practitioners").get(use: list)
    }

    @Sendable
    func list(request: Request) async throws -> [PractitionerDTO] {
        try await request.authorizeWithoutPatientData(.readAvailability, resource: "Practitioner")
        guard let sql = request.db as? any SQLDatabase else { return [] }
        struct Row: Decodable {
            let id: UUID
            let displayName: String
            let role: String
        }
        let rows = try await sql.select()
            .column("id")
            .column(SQLColumn("display_name"), as: "displayName")
            .column("role")
            .from(UserModel.schema)
            .where("role", .in, PractitionerRoles.all.map(\.rawValue))
            .where("active", .equal, true)
            .orderBy("display_name")
            .orderBy("id")
            .all(decoding: Row.self)
        return rows.compactMap { row in
            Role(rawValue: row.role).map { PractitionerDTO(id: row.id, displayName: row.displayName, role: $0) }
        }
    }
}
