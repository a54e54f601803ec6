import Foundation
import TenderpointFHIR

/// A resource found for a read or a search, with the patient whose record it belongs to (nil for
/// resources that are no one's record: practitioners, questionnaires), which access and the
/// audit trail need.
struct FHIRFound: Sendable {
    let resource: AnyResource
    let patient: UUID?
}

/// One page of a search: the matches in order, and how many match in all.
struct FHIRSearchResult: Sendable {
    let total: Int
    let matches: [FHIRFound]
}

/// Who may read a resource type, in the terms of the access table (`Permission`).
enum FHIRAccess: Sendable {
    /// Part of a patient's record: staff with `permission` see any patient's, a patient only
    /// their own compartment. `search` is the permission for a search across patients, when
    /// it differs (Patient: only staff search the register).
    case patientRecord(read: Permission, search: Permission)
    /// Not about a patient: anyone whose role has `permission`.
    case clinicData(Permission)
}

/// Reads and searches one FHIR resource type from Tenderpoint's tables.
protocol FHIRResourceProvider: Sendable {
    var type: FHIRResourceType { get }
    var access: FHIRAccess { get }
    /// The search parameters besides `_count` and `_offset`.
    var parameters: [FHIRSearchParameter] { get }
    /// For the CapabilityStatement: what the type holds in Tenderpoint.
    var documentation: String { get }

    /// The resource with this logical id, or nil.
    func read(id: String, in context: FHIRContext) async throws -> FHIRFound?

    /// A page of matches. `compartment` limits the search to one patient's record (a patient
    /// searching, or an export).
    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult
}

/// A type whose resources belong to patients: bulk export writes them patient by patient.
protocol FHIRPatientCompartmentProvider: FHIRResourceProvider {
    /// Every resource of these patients, patient by patient, handed to `write` one at a time.
    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws
}

extension FHIRResourceProvider {
    var capability: CapabilityStatement.Rest.Resource {
        CapabilityStatement.Rest.Resource(
            type: type.rawValue,
            documentation: documentation,
            interaction: [
                .init(code: .read),
                .init(code: .searchType),
            ],
            versioning: .noVersion,
            readHistory: false,
            updateCreate: false,
            searchParam: parameters.map(\.capability))
    }
}
