import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `AdverseEvent`: events after a session (DOMAIN.md §4), increased pain included, with the
/// session's Procedure as the suspect entity. A patient's diary report has the patient as its
/// recorder, no severity until a clinician assesses it, and the source extension `patient`.
struct AdverseEventProvider: FHIRPatientCompartmentProvider {
    /// `clinician` or `patient` (`AdverseEventSource`), as a code.
    static let sourceExtension = "urn:tenderpoint:extension:adverse-event-source"

    let type = FHIRResourceType.adverseEvent
    let access = FHIRAccess.patientRecord(read: .readClinical, search: .readClinical)
    let documentation = "Adverse events after a session (urn:tenderpoint:adverse-event), severity, seriousness, and whether resolved; "
        + "the extension urn:tenderpoint:extension:adverse-event-source says clinician or patient (reported in the diary, "
        + "no severity until a clinician assesses it)."
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("AdverseEvent", "subject"), "The patient: Patient/{id} or {id}."),
        FHIRSearchParameter("date", .date, definition: FHIRSearchParameter.standard("AdverseEvent", "date"),
                            "The onset date, with the prefixes eq, ne, gt, lt, ge, le."),
    ]

    struct Row: Decodable {
        let id: UUID
        let patientId: UUID
        let sessionId: UUID
        let kind: String
        let onsetDate: String
        let severity: String
        let serious: Bool
        let description: String?
        let resolvedOn: String?
        let recordedBy: UUID
        let recorderName: String
        let recorderRole: String
        let createdAt: Date?
        let source: String
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        FHIRTableQuery(
            from: "adverse_events e JOIN users u ON u.id = e.recorded_by",
            columns: """
                e.id, e.patient_id, e.session_id, e.kind, e.onset_date, e.severity, e.serious, e.description, e.resolved_on, \
                e.recorded_by, u.display_name AS recorder_name, u.role AS recorder_role, e.created_at, e.source
                """,
            conditions: conditions, order: "e.onset_date, e.id")
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let uuid = FHIRValues.uuid(id) else { return nil }
        return try await query(["e.id = \(bind: uuid)"]).rows(Row.self, on: context.database).first.map { found($0, context) }
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        var conditions = [FHIRConditions.patient("e.patient_id", request, compartment: compartment)].compactMap { $0 }
        conditions += FHIRConditions.days("date", request, column: "e.onset_date")
        let page = try await query(conditions).page(Row.self, request, on: context.database)
        return FHIRSearchResult(total: page.total, matches: page.rows.map { found($0, context) })
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await query(["e.patient_id IN (\(binds: patients))"]).rows(Row.self, on: context.database) {
            try write(found(row, context).resource)
        }
    }

    private func found(_ row: Row, _ context: FHIRContext) -> FHIRFound {
        let kind = AdverseEventKind(rawValue: row.kind)
        let label = kind?.label ?? row.kind
        // A patient's report not yet assessed has no severity (FHIR's is optional), never a guessed one.
        let severity: Coding? = switch AdverseEventSeverity(rawValue: row.severity) {
        case .severe?: Codings.adverseEventSevere
        case .moderate?: Codings.adverseEventModerate
        case .mild?: Codings.adverseEventMild
        case .notYetAssessed?, nil: nil
        }
        var extensions = [Extension(url: Self.sourceExtension, value: .code(row.source))]
        if let resolved = row.resolvedOn.flatMap(FHIRValues.date) {
            extensions.append(Extension(url: TenderpointCodes.resolvedOnExtension, value: .date(resolved)))
        }
        let event = AdverseEvent(
            id: FHIRValues.id(row.id),
            extension: extensions,
            actuality: .actual,
            event: CodeableConcept(coding: [Coding(system: TenderpointCodes.adverseEvent, code: row.kind, display: label)],
                                   text: row.description.map { "\(label): \($0)" } ?? label),
            subject: FHIRValues.reference(.patient, row.patientId),
            date: FHIRValues.dayTime(row.onsetDate),
            recordedDate: row.createdAt.map { FHIRValues.dateTime($0, context.timeZone) },
            seriousness: CodeableConcept(row.serious ? Codings.adverseEventSerious : Codings.adverseEventNonSerious),
            severity: severity.map { CodeableConcept($0) },
            outcome: CodeableConcept(row.resolvedOn == nil ? Codings.adverseEventOngoing : Codings.adverseEventResolved),
            recorder: FHIRValues.actor(userID: row.recordedBy, role: row.recorderRole, displayName: row.recorderName,
                                       patientID: row.source == AdverseEventSource.patient.rawValue ? row.patientId : nil),
            suspectEntity: [AdverseEvent.SuspectEntity(instance: FHIRValues.reference(.procedure, row.sessionId))])
        return FHIRFound(resource: .adverseEvent(event), patient: row.patientId)
    }
}
