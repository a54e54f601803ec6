/// The code system URIs Tenderpoint's FHIR resources use: the clinical systems of DOMAIN.md §5,
/// HL7's terminology systems for the required bindings, and Tenderpoint's own system.
public enum CodeSystem {
    // MARK: clinical (DOMAIN.md §5)
    public static let snomedCT = "http://snomed.info/sct"
    public static let loinc = "http://loinc.org"
    /// WHO ICD-10.
    public static let icd10 = "http://hl7.org/fhir/sid/icd-10"
    public static let icd10CM = "http://hl7.org/fhir/sid/icd-10-cm"
    /// ICD-11 Mortality and Morbidity Statistics.
    public static let icd11 = "http://id.who.int/icd/release/11/mms"
    public static let atc = "http://www.whocc.no/atc"
    public static let ucum = "http://unitsofmeasure.org"
    /// Tenderpoint's own codes for instruments and items with no standard code.
    public static let tenderpointInstrument = "urn:tenderpoint:instrument"

    // MARK: identifiers
    public static let nhsNumber = "https://fhir.nhs.uk/Id/nhs-number"
    public static let identifierType = "http://terminology.hl7.org/CodeSystem/v2-0203"

    // MARK: HL7 terminology for bindings
    public static let conditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical"
    public static let conditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
    public static let conditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category"
    public static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    public static let dataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
    public static let adverseEventSeriousness = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness"
    public static let adverseEventSeverity = "http://terminology.hl7.org/CodeSystem/adverse-event-severity"
    public static let adverseEventOutcome = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome"
    public static let consentScope = "http://terminology.hl7.org/CodeSystem/consentscope"
    public static let actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    public static let participationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
    public static let routeOfAdministration = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration"
    public static let auditEventType = "http://terminology.hl7.org/CodeSystem/audit-event-type"
    public static let restfulInteraction = "http://hl7.org/fhir/restful-interaction"
    public static let auditEntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
    public static let objectRole = "http://terminology.hl7.org/CodeSystem/object-role"
    public static let securitySourceType = "http://terminology.hl7.org/CodeSystem/security-source-type"
}
