/// The resource types this module implements; the raw value is FHIR's `resourceType`.
public enum FHIRResourceType: String, CaseIterable, Codable, Hashable, Sendable {
    case adverseEvent = "AdverseEvent"
    case appointment = "Appointment"
    case auditEvent = "AuditEvent"
    case bundle = "Bundle"
    case capabilityStatement = "CapabilityStatement"
    case condition = "Condition"
    case consent = "Consent"
    case medication = "Medication"
    case medicationAdministration = "MedicationAdministration"
    case observation = "Observation"
    case operationOutcome = "OperationOutcome"
    case patient = "Patient"
    case practitioner = "Practitioner"
    case procedure = "Procedure"
    case questionnaire = "Questionnaire"
    case questionnaireResponse = "QuestionnaireResponse"
}
