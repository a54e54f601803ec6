import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `MedicationAdministration`: one per injection — the dose in product units (unit text `U`,
/// UCUM `[arb'U]`: product units are not international units), the site, route intramuscular,
/// `partOf` the session's Procedure, and the vial as a contained `Medication` (product, lot,
/// expiry) so a lot recall finds every patient.
struct MedicationAdministrationProvider: FHIRPatientCompartmentProvider {
    let type = FHIRResourceType.medicationAdministration
    let access = FHIRAccess.patientRecord(read: .readClinical, search: .readClinical)
    let documentation = """
        One per injection: dose in product units (U, UCUM [arb'U]), site, route intramuscular, partOf the session's Procedure, \
        and a contained Medication with the product, batch.lotNumber and batch.expirationDate.
        """
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("clinical", "patient"), "The patient: Patient/{id} or {id}."),
    ]

    struct Row: Decodable {
        let id: UUID
        let sessionId: UUID
        let siteKind: String
        let siteId: String
        let unitsTenths: Int
        let volumeMl: String?
        let patientId: UUID
        let performedAt: Date
        let injectorId: UUID
        let injectorName: String
        let product: String
        let lotNumber: String
        let expiryDate: String
        let voidedAt: Date?
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        FHIRTableQuery(
            from: """
                injections i JOIN treatment_sessions s ON s.id = i.session_id JOIN vials v ON v.id = i.vial_id \
                JOIN users u ON u.id = s.injector_id
                """,
            columns: """
                i.id, i.session_id, i.site_kind, i.site_id, i.units_tenths, i.volume_ml, s.patient_id, s.performed_at, \
                s.injector_id, u.display_name AS injector_name, v.product, v.lot_number, v.expiry_date, s.voided_at
                """,
            conditions: conditions, order: "s.performed_at, s.id, i.position, i.id")
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let uuid = FHIRValues.uuid(id) else { return nil }
        return try await query(["i.id = \(bind: uuid)"]).rows(Row.self, on: context.database).first.map { found($0, context) }
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        let conditions = [FHIRConditions.patient("s.patient_id", request, compartment: compartment)].compactMap { $0 }
        let page = try await query(conditions).page(Row.self, request, on: context.database)
        return FHIRSearchResult(total: page.total, matches: page.rows.map { found($0, context) })
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await query(["s.patient_id IN (\(binds: patients))"]).rows(Row.self, on: context.database) {
            try write(found(row, context).resource)
        }
    }

    /// The site's codes: Tenderpoint's tender point or muscle identifier, and SNOMED CT's laterality.
    static func site(kind: String, id: String) -> CodeableConcept {
        guard let siteKind = InjectionSite.Kind(rawValue: kind), let site = InjectionSite(kind: siteKind, id: id) else {
            return CodeableConcept(text: id)
        }
        let system = siteKind == .tenderPoint ? TenderpointCodes.tenderPointSite : TenderpointCodes.muscle
        let what = siteKind == .tenderPoint ? "tender point" : "muscle"
        return CodeableConcept(coding: [Coding(system: system, code: site.id, display: site.name)], text: "\(site.name) (\(what))")
    }

    private func found(_ row: Row, _ context: FHIRContext) -> FHIRFound {
        let product = ToxinProduct(rawValue: row.product)
        let medication = Medication(
            id: "vial",
            code: product.map(TenderpointCodes.productConcept) ?? CodeableConcept(text: row.product),
            batch: Medication.Batch(lotNumber: row.lotNumber, expirationDate: FHIRValues.dayTime(row.expiryDate)))
        var dosage = MedicationAdministration.Dosage(
            site: Self.site(kind: row.siteKind, id: row.siteId),
            route: CodeableConcept(Codings.intramuscularRoute),
            dose: .toxinUnits(FHIRValues.units(tenths: row.unitsTenths)))
        if let volume = row.volumeMl { dosage.text = "\(Units(tenths: row.unitsTenths).plain) U in \(volume) mL" }
        let administration = MedicationAdministration(
            id: FHIRValues.id(row.id),
            contained: [.medication(medication)],
            partOf: [FHIRValues.reference(.procedure, row.sessionId)],
            status: row.voidedAt == nil ? .completed : .enteredInError,
            medication: .reference(Reference(containedID: "vial", display: product?.displayName)),
            subject: FHIRValues.reference(.patient, row.patientId),
            effective: .dateTime(FHIRValues.dateTime(row.performedAt, context.timeZone)),
            performer: [MedicationAdministration.Performer(actor: FHIRValues.reference(.practitioner, row.injectorId, display: row.injectorName))],
            dosage: dosage)
        return FHIRFound(resource: .medicationAdministration(administration), patient: row.patientId)
    }
}
