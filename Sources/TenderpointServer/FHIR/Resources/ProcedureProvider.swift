import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `Procedure`: one per injection session (SNOMED CT 442695005, injection of botulinum toxin);
/// its injections are `MedicationAdministration`s `partOf` it.
struct ProcedureProvider: FHIRPatientCompartmentProvider {
    let type = FHIRResourceType.procedure
    let access = FHIRAccess.patientRecord(read: .readClinical, search: .readClinical)
    let documentation = "Injection sessions (SNOMED CT 442695005): who injected (and supervised), the product, total units and guidance."
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("clinical", "patient"), "The patient: Patient/{id} or {id}."),
        FHIRSearchParameter("date", .date, definition: FHIRSearchParameter.standard("clinical", "date"),
                            "When the session was performed, with the prefixes eq, ne, gt, lt, ge, le."),
    ]

    static let totalUnitsExtension = "urn:tenderpoint:extension:total-units"

    struct Row: Decodable {
        let id: UUID
        let patientId: UUID
        let performedAt: Date
        let injectorId: UUID
        let injectorName: String
        let supervisorId: UUID?
        let supervisorName: String?
        let product: String
        let totalUnitsTenths: Int
        let guidance: String
        let overrideReason: String?
        let note: String?
        let voidedAt: Date?
        let voidReason: String?
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        FHIRTableQuery(
            from: "treatment_sessions s JOIN users u ON u.id = s.injector_id LEFT JOIN users v ON v.id = s.supervisor_id",
            columns: """
                s.id, s.patient_id, s.performed_at, s.injector_id, u.display_name AS injector_name, s.supervisor_id, \
                v.display_name AS supervisor_name, s.product, s.total_units_tenths, s.guidance, s.override_reason, s.note, \
                s.voided_at, s.void_reason
                """,
            conditions: conditions, order: "s.performed_at, s.id")
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let uuid = FHIRValues.uuid(id) else { return nil }
        return try await query(["s.id = \(bind: uuid)"]).rows(Row.self, on: context.database).first.map { found($0, context) }
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        var conditions = [FHIRConditions.patient("s.patient_id", request, compartment: compartment)].compactMap { $0 }
        conditions += FHIRConditions.instants("date", request, column: "s.performed_at")
        let page = try await query(conditions).page(Row.self, request, on: context.database)
        return FHIRSearchResult(total: page.total, matches: page.rows.map { found($0, context) })
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await query(["s.patient_id IN (\(binds: patients))"]).rows(Row.self, on: context.database) {
            try write(found(row, context).resource)
        }
    }

    private func found(_ row: Row, _ context: FHIRContext) -> FHIRFound {
        var performers = [Procedure.Performer(function: CodeableConcept(Codings.primaryPerformer),
                                              actor: FHIRValues.reference(.practitioner, row.injectorId, display: row.injectorName))]
        if let supervisor = row.supervisorId {
            performers.append(Procedure.Performer(function: CodeableConcept(text: "Supervising clinician"),
                                                  actor: FHIRValues.reference(.practitioner, supervisor, display: row.supervisorName)))
        }
        var notes: [Annotation] = []
        if let reason = row.overrideReason { notes.append(Annotation(text: "Minimum interval overridden: \(reason)")) }
        if let note = row.note { notes.append(Annotation(text: note)) }
        if row.voidedAt != nil { notes.append(Annotation(text: "Voided (charted in error): \(row.voidReason ?? "")")) }
        let product = ToxinProduct(rawValue: row.product)
        let procedure = Procedure(
            id: FHIRValues.id(row.id),
            extension: [
                Extension(url: TenderpointCodes.guidanceExtension, value: .code(row.guidance)),
                Extension(url: Self.totalUnitsExtension, value: .quantity(.toxinUnits(FHIRValues.units(tenths: row.totalUnitsTenths)))),
            ],
            // A session voided as charted in error stays readable, marked as FHIR marks it.
            status: row.voidedAt == nil ? .completed : .enteredInError,
            code: CodeableConcept(Codings.botulinumToxinInjection),
            subject: FHIRValues.reference(.patient, row.patientId),
            performed: .dateTime(FHIRValues.dateTime(row.performedAt, context.timeZone)),
            performer: performers,
            note: notes.isEmpty ? nil : notes,
            usedCode: [product.map(TenderpointCodes.productConcept) ?? CodeableConcept(text: row.product)])
        return FHIRFound(resource: .procedure(procedure), patient: row.patientId)
    }
}
