import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `AuditEvent`: the audit trail (who did what to which record, when, and the outcome). Admins
/// read all of it; a patient the entries about their own record.
struct AuditEventProvider: FHIRPatientCompartmentProvider {
    let type = FHIRResourceType.auditEvent
    let access = FHIRAccess.patientRecord(read: .readAudit, search: .readAudit)
    let documentation = "The audit trail: every read and write of patient data, sign-ins and refusals."
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("AuditEvent", "patient"), "The patient: Patient/{id} or {id}."),
        FHIRSearchParameter("date", .date, definition: FHIRSearchParameter.standard("AuditEvent", "date"),
                            "When it was recorded, with the prefixes eq, ne, gt, lt, ge, le."),
    ]

    struct Row: Decodable {
        let id: UUID
        let at: Date
        let userId: UUID?
        let username: String?
        let role: String?
        let action: String
        let resourceType: String
        let resourceId: String?
        let patientId: UUID?
        let outcome: String
        let detail: String?
        let displayName: String?
        let userPatientId: UUID?
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        FHIRTableQuery(
            from: "audit_events e LEFT JOIN users u ON u.id = e.user_id",
            columns: """
                e.id, e.at, e.user_id, e.username, e.role, e.action, e.resource_type, e.resource_id, e.patient_id, e.outcome, \
                e.detail, u.display_name, u.patient_id AS user_patient_id
                """,
            conditions: conditions, order: "e.at, e.id")
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let uuid = FHIRValues.uuid(id) else { return nil }
        return try await query(["e.id = \(bind: uuid)"]).rows(Row.self, on: context.database).first.map(found)
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        var conditions = [FHIRConditions.patient("e.patient_id", request, compartment: compartment)].compactMap { $0 }
        conditions += FHIRConditions.instants("date", request, column: "e.at")
        let page = try await query(conditions).page(Row.self, request, on: context.database)
        return FHIRSearchResult(total: page.total, matches: page.rows.map(found))
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await query(["e.patient_id IN (\(binds: patients))"]).rows(Row.self, on: context.database) {
            try write(found(row).resource)
        }
    }

    private func found(_ row: Row) -> FHIRFound {
        let action = AuditEntry.Action(rawValue: row.action)
        let login = action == .login || action == .loginFailed || action == .logout
        let type = login ? Coding(system: "http://dicom.nema.org/resources/ontology/DCM", code: "110114", display: "User Authentication")
                         : Codings.auditRESTful
        let subtype: Coding? = switch action {
        case .read: Codings.interactionRead
        case .search: Codings.interactionSearchType
        case .create: Coding(system: CodeSystem.restfulInteraction, code: "create", display: "create")
        case .update: Coding(system: CodeSystem.restfulInteraction, code: "update", display: "update")
        case .delete: Coding(system: CodeSystem.restfulInteraction, code: "delete", display: "delete")
        default: nil
        }
        let fhirAction: AuditEvent.Action = switch action {
        case .create: .create
        case .read, .search: .read
        case .update, .override: .update
        case .delete: .delete
        default: .execute
        }
        let outcome: AuditEvent.Outcome = switch AuditEntry.Outcome(rawValue: row.outcome) {
        case .success: .success
        case .denied: .minorFailure
        default: .seriousFailure
        }
        var who: Reference?
        if let user = row.userId, let role = row.role {
            who = FHIRValues.actor(userID: user, role: role, displayName: row.displayName ?? row.username ?? role, patientID: row.userPatientId)
        } else if let username = row.username {
            who = Reference(identifier: Identifier(system: TenderpointCodes.user, value: username), display: username)
        }
        var entities: [AuditEvent.Entity] = []
        if let patient = row.patientId {
            entities.append(AuditEvent.Entity(what: FHIRValues.reference(.patient, patient), type: Codings.entityPerson, role: Codings.rolePatient))
        }
        entities.append(AuditEvent.Entity(
            what: row.resourceId.map { Reference(identifier: Identifier(system: "urn:tenderpoint:resource:\(row.resourceType)", value: $0)) },
            type: Codings.entitySystemObject, name: row.resourceType, description: row.detail))
        let event = AuditEvent(
            id: FHIRValues.id(row.id),
            type: type,
            subtype: subtype.map { [$0] },
            action: fhirAction,
            recorded: FHIRValues.instant(row.at),
            outcome: outcome,
            outcomeDesc: outcome == .success ? nil : row.outcome,
            agent: [AuditEvent.Agent(type: row.role.map { CodeableConcept(text: $0) }, who: who, altId: row.username, requestor: true)],
            source: AuditEvent.Source(site: "Tenderpoint", observer: Reference(display: "Tenderpoint server")),
            entity: entities)
        return FHIRFound(resource: .auditEvent(event), patient: row.patientId)
    }
}
