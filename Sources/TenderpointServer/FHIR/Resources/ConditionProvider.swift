import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `Condition`: the diagnoses the clinic treats, coded from the core's code table (fibromyalgia:
/// SNOMED CT 203082005, ICD-10 and ICD-10-CM M79.7; myofascial pain: ICD-10 M79.1, ICD-10-CM M79.18).
struct ConditionProvider: FHIRPatientCompartmentProvider {
    let type = FHIRResourceType.condition
    let access = FHIRAccess.patientRecord(read: .readClinical, search: .readClinical)
    let documentation = "Diagnoses: fibromyalgia (SNOMED CT 203082005, ICD-10 M79.7) and myofascial pain (ICD-10 M79.1, ICD-10-CM M79.18)."
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("clinical", "patient"), "The patient: Patient/{id} or {id}."),
    ]

    struct Row: Decodable {
        let id: UUID
        let patientId: UUID
        let kind: String
        let onsetDate: String?
        let recordedDate: String
        let clinicalStatus: String
        let note: String?
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        FHIRTableQuery(from: "conditions c", columns: "c.id, c.patient_id, c.kind, c.onset_date, c.recorded_date, c.clinical_status, c.note",
                       conditions: conditions, order: "c.patient_id, c.recorded_date, c.id")
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
        let kind = ClinicalCodes.Condition(rawValue: row.kind)
        let clinical: Coding = switch row.clinicalStatus {
        case "resolved": Codings.conditionResolved
        case "inactive": Codings.conditionInactive
        default: Codings.conditionActive
        }
        let condition = Condition(
            id: FHIRValues.id(row.id),
            clinicalStatus: CodeableConcept(clinical),
            verificationStatus: CodeableConcept(Codings.conditionConfirmed),
            category: [CodeableConcept(Codings.problemListItem)],
            code: CodeableConcept(coding: kind?.codings.map { Coding(system: $0.system, code: $0.code, display: $0.display) },
                                  text: kind?.name ?? row.kind),
            subject: FHIRValues.reference(.patient, row.patientId),
            onset: FHIRValues.dayTime(row.onsetDate).map { .dateTime($0) },
            recordedDate: FHIRValues.dayTime(row.recordedDate),
            note: row.note.map { [Annotation(text: $0)] })
        return FHIRFound(resource: .condition(condition), patient: row.patientId)
    }
}
