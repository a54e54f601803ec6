/// The codes Tenderpoint writes, as `Coding`s with their systems: DOMAIN.md §5 first, then
/// Tenderpoint's instrument codes and the HL7 codes of required bindings.
///
/// The same §5 codes live in `TenderpointCore.ClinicalCodes`; this module is Foundation-only and
/// cannot import the core, so the server's tests should check the two agree.
public enum Codings {
    // MARK: conditions
    public static let fibromyalgiaSNOMED = Coding(system: CodeSystem.snomedCT, code: "203082005", display: "Fibromyalgia")
    public static let fibromyalgiaICD10 = Coding(system: CodeSystem.icd10, code: "M79.7", display: "Fibromyalgia")
    public static let fibromyalgiaICD10CM = Coding(system: CodeSystem.icd10CM, code: "M79.7", display: "Fibromyalgia")
    public static let chronicWidespreadPainICD11 = Coding(system: CodeSystem.icd11, code: "MG30.01", display: "Chronic widespread pain")
    /// WHO ICD-10 has no code for myofascial pain itself; M79.1 is "Myalgia".
    public static let myofascialPainICD10 = Coding(system: CodeSystem.icd10, code: "M79.1", display: "Myalgia")
    /// ICD-10-CM M79.18 is "Myalgia, other site".
    public static let myofascialPainICD10CM = Coding(system: CodeSystem.icd10CM, code: "M79.18", display: "Myalgia, other site")

    // MARK: toxin, procedure, body
    public static let botulinumToxinTypeA = Coding(system: CodeSystem.snomedCT, code: "108890005", display: "Botulinum toxin type A")
    public static let botulinumToxinATC = Coding(system: CodeSystem.atc, code: "M03AX01", display: "botulinum toxin")
    public static let botulinumToxinInjection = Coding(system: CodeSystem.snomedCT, code: "442695005", display: "Injection of botulinum toxin")
    public static let left = Coding(system: CodeSystem.snomedCT, code: "7771000", display: "Left")
    public static let right = Coding(system: CodeSystem.snomedCT, code: "24028007", display: "Right")
    /// Not in DOMAIN.md §5: SNOMED CT's intramuscular route, for `Dosage.route`.
    public static let intramuscularRoute = Coding(system: CodeSystem.snomedCT, code: "78421000", display: "Intramuscular route")

    // MARK: measures
    public static let painNRS = Coding(system: CodeSystem.loinc, code: "72514-3",
                                       display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
    /// The UCUM unit of toxin doses: product units are not international units.
    public static let toxinUnitCode = "[arb'U]"
    /// The unit text shown with toxin doses.
    public static let toxinUnitText = "U"

    // MARK: Tenderpoint instruments (`urn:tenderpoint:instrument`)
    public static let fiqrTotal = instrument("fiqr-total", "FIQR total")
    public static let fiqrFunction = instrument("fiqr-function", "FIQR function")
    public static let fiqrOverallImpact = instrument("fiqr-overall-impact", "FIQR overall impact")
    public static let fiqrSymptoms = instrument("fiqr-symptoms", "FIQR symptoms")
    public static let wpi = instrument("wpi", "Widespread Pain Index")
    public static let sss = instrument("sss", "Symptom Severity Scale")
    public static let fibromyalgiaSeverity = instrument("fs", "Fibromyalgia severity (WPI + SSS)")
    public static let tenderPointCount = instrument("tender-point-count", "Tender point count")
    /// One tender point's finding; the site goes in `bodySite`.
    public static let tenderPoint = instrument("tender-point", "Tender point finding")
    public static let pgic = instrument("pgic", "Patient Global Impression of Change")

    public static func instrument(_ code: String, _ display: String) -> Coding {
        Coding(system: CodeSystem.tenderpointInstrument, code: code, display: display)
    }

    // MARK: HL7 codes
    public static let observationSurvey = Coding(system: CodeSystem.observationCategory, code: "survey", display: "Survey")
    public static let observationExam = Coding(system: CodeSystem.observationCategory, code: "exam", display: "Exam")
    public static let conditionActive = Coding(system: CodeSystem.conditionClinical, code: "active", display: "Active")
    public static let conditionInactive = Coding(system: CodeSystem.conditionClinical, code: "inactive", display: "Inactive")
    public static let conditionResolved = Coding(system: CodeSystem.conditionClinical, code: "resolved", display: "Resolved")
    public static let conditionConfirmed = Coding(system: CodeSystem.conditionVerification, code: "confirmed", display: "Confirmed")
    public static let conditionProvisional = Coding(system: CodeSystem.conditionVerification, code: "provisional", display: "Provisional")
    public static let problemListItem = Coding(system: CodeSystem.conditionCategory, code: "problem-list-item", display: "Problem List Item")
    public static let encounterDiagnosis = Coding(system: CodeSystem.conditionCategory, code: "encounter-diagnosis", display: "Encounter Diagnosis")
    public static let adverseEventSerious = Coding(system: CodeSystem.adverseEventSeriousness, code: "serious", display: "Serious")
    public static let adverseEventNonSerious = Coding(system: CodeSystem.adverseEventSeriousness, code: "non-serious", display: "Non-serious")
    public static let adverseEventMild = Coding(system: CodeSystem.adverseEventSeverity, code: "mild", display: "Mild")
    public static let adverseEventModerate = Coding(system: CodeSystem.adverseEventSeverity, code: "moderate", display: "Moderate")
    public static let adverseEventSevere = Coding(system: CodeSystem.adverseEventSeverity, code: "severe", display: "Severe")
    public static let adverseEventResolved = Coding(system: CodeSystem.adverseEventOutcome, code: "resolved", display: "Resolved")
    public static let adverseEventRecovering = Coding(system: CodeSystem.adverseEventOutcome, code: "recovering", display: "Recovering")
    public static let adverseEventOngoing = Coding(system: CodeSystem.adverseEventOutcome, code: "ongoing", display: "Ongoing")
    public static let consentTreatment = Coding(system: CodeSystem.consentScope, code: "treatment", display: "Treatment")
    public static let patientConsent = Coding(system: CodeSystem.loinc, code: "59284-0", display: "Patient Consent")
    public static let optIn = Coding(system: CodeSystem.actCode, code: "OPTIN", display: "opt-in")
    public static let primaryPerformer = Coding(system: CodeSystem.participationType, code: "PPRF", display: "primary performer")
    public static let medicalRecordNumber = Coding(system: CodeSystem.identifierType, code: "MR", display: "Medical record number")
    public static let auditRESTful = Coding(system: CodeSystem.auditEventType, code: "rest", display: "Restful Operation")
    public static let interactionRead = Coding(system: CodeSystem.restfulInteraction, code: "read", display: "read")
    public static let interactionSearchType = Coding(system: CodeSystem.restfulInteraction, code: "search-type", display: "search type")
    public static let entityPerson = Coding(system: CodeSystem.auditEntityType, code: "1", display: "Person")
    public static let entitySystemObject = Coding(system: CodeSystem.auditEntityType, code: "2", display: "System Object")
    public static let rolePatient = Coding(system: CodeSystem.objectRole, code: "1", display: "Patient")
    public static let sourceApplicationServer = Coding(system: CodeSystem.securitySourceType, code: "4", display: "Application Server")
}
