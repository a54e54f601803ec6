import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `Practitioner`: the clinicians' and nurses' accounts (every account a clinical record can
/// name as its author), active or not, so references from old records still resolve.
struct PractitionerProvider: FHIRResourceProvider {
    let type = FHIRResourceType.practitioner
    let access = FHIRAccess.clinicData(.readAvailability)
    let documentation = "Clinicians and nurses: the authors of assessments, sessions and reviews, and whom appointments are with."
    let parameters: [FHIRSearchParameter] = []

    struct Row: Decodable {
        let id: UUID
        let displayName: String
        let role: String
        let active: Bool
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        let roles = PractitionerRoles.all.map(\.rawValue)
        return FHIRTableQuery(from: "users u", columns: "u.id, u.display_name, u.role, u.active",
                              conditions: ["u.role IN (\(binds: roles))"] + conditions, order: "u.display_name, u.id")
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let uuid = FHIRValues.uuid(id) else { return nil }
        return try await query(["u.id = \(bind: uuid)"]).rows(Row.self, on: context.database).first.map(found)
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        let page = try await query([]).page(Row.self, request, on: context.database)
        return FHIRSearchResult(total: page.total, matches: page.rows.map(found))
    }

    /// Every practitioner, `pageSize` rows at a time, for bulk export.
    func exportAll(in context: FHIRContext, pageSize: Int = 500, write: (AnyResource) throws -> Void) async throws {
        var offset = 0
        while true {
            let rows = try await query([]).rows(Row.self, limit: pageSize, offset: offset, on: context.database)
            for row in rows { try write(found(row).resource) }
            guard rows.count == pageSize else { return }
            offset += pageSize
        }
    }

    private func found(_ row: Row) -> FHIRFound {
        let role = Role(rawValue: row.role)
        let qualification = CodeableConcept(text: role == .nurse ? "Nurse" : "Clinician")
        let practitioner = Practitioner(
            id: FHIRValues.id(row.id),
            active: row.active,
            name: [HumanName(text: row.displayName)],
            qualification: [Practitioner.Qualification(code: qualification)])
        return FHIRFound(resource: .practitioner(practitioner), patient: nil)
    }
}
