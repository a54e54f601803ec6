import TenderpointFHIR

/// The resource types `/fhir` serves, in the order the CapabilityStatement lists them.
enum FHIRProviders {
    static let patient = PatientProvider()
    static let practitioner = PractitionerProvider()
    static let questionnaire = QuestionnaireProvider()

    /// Everything that belongs to a patient's record, in the order a bulk export writes it.
    static let compartment: [any FHIRPatientCompartmentProvider] = [
        patient,
        ConditionProvider(),
        ObservationProvider(),
        QuestionnaireResponseProvider(),
        ProcedureProvider(),
        MedicationAdministrationProvider(),
        AppointmentProvider(),
        AdverseEventProvider(),
        ConsentProvider(),
        AuditEventProvider(),
    ]

    static let all: [any FHIRResourceProvider] = compartment + [practitioner, questionnaire]

    static func provider(named name: String) -> (any FHIRResourceProvider)? {
        all.first { $0.type.rawValue == name }
    }
}
