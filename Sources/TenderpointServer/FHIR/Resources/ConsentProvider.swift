import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `Consent`: the written consent to a course of treatment, with the information version the
/// patient was given; inactive once withdrawn.
struct ConsentProvider: FHIRPatientCompartmentProvider {
    let type = FHIRResourceType.consent
    let access = FHIRAccess.patientRecord(read: .readClinical, search: .readClinical)
    let documentation = "Treatment consents: the date, the information version given, who signed, and the withdrawal date if any."
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("clinical", "patient"), "The patient: Patient/{id} or {id}."),
    ]

    struct Row: Decodable {
        let id: UUID
        let patientId: UUID
        let date: String
        let informationVersion: String
        let signedBy: String
        let withdrawnOn: String?
        let recordedBy: UUID
        let recorderName: String
        let recorderRole: String
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        FHIRTableQuery(
            from: "consents c JOIN users u ON u.id = c.recorded_by",
            columns: """
                c.id, c.patient_id, c.date, c.information_version, c.signed_by, c.withdrawn_on, c.recorded_by, \
                u.display_name AS recorder_name, u.role AS recorder_role
                """,
            conditions: conditions, order: "c.date, c.id")
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let uuid = FHIRValues.uuid(id) else { return nil }
        return try await query(["c.id = \(bind: uuid)"]).rows(Row.self, on: context.database).first.map(found)
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        let conditions = [FHIRConditions.patient("c.patient_id", request, compartment: compartment)].compactMap { $0 }
        let page = try await query(conditions).page(Row.self, request, on: context.database)
        return FHIRSearchResult(total: page.total, matches: page.rows.map(found))
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await query(["c.patient_id IN (\(binds: patients))"]).rows(Row.self, on: context.database) {
            try write(found(row).resource)
        }
    }

    private func found(_ row: Row) -> FHIRFound {
        let consent = Consent(
            id: FHIRValues.id(row.id),
            status: row.withdrawnOn == nil ? .active : .inactive,
            scope: CodeableConcept(Codings.consentTreatment),
            category: [CodeableConcept(Codings.patientConsent)],
            patient: FHIRValues.reference(.patient, row.patientId),
            dateTime: FHIRValues.dayTime(row.date),
            performer: [FHIRValues.reference(.patient, row.patientId, display: row.signedBy)],
            policyRule: CodeableConcept(Codings.optIn, text: "Written consent to botulinum toxin treatment; information version \(row.informationVersion)"),
            verification: [Consent.Verification(verified: true,
                                                verificationDate: FHIRValues.dayTime(row.date))],
            provision: Consent.Provision(type: .permit,
                                         period: Period(start: FHIRValues.dayTime(row.date), end: FHIRValues.dayTime(row.withdrawnOn)),
                                         code: [CodeableConcept(Codings.botulinumToxinInjection)]))
        return FHIRFound(resource: .consent(consent), patient: row.patientId)
    }
}
