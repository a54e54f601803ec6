/// Any resource of this subset, chosen by its `resourceType`: what a `Bundle` entry or a
/// `contained` list holds. Reading dispatches on `resourceType`; an unknown one is rejected with
/// `FHIRJSONError.Kind.unknownResourceType`.
public indirect enum AnyResource: Codable, Hashable, Sendable {
    case adverseEvent(AdverseEvent)
    case appointment(Appointment)
    case auditEvent(AuditEvent)
    case bundle(Bundle)
    case capabilityStatement(CapabilityStatement)
    case condition(Condition)
    case consent(Consent)
    case medication(Medication)
    case medicationAdministration(MedicationAdministration)
    case observation(Observation)
    case operationOutcome(OperationOutcome)
    case patient(Patient)
    case practitioner(Practitioner)
    case procedure(Procedure)
    case questionnaire(Questionnaire)
    case questionnaireResponse(QuestionnaireResponse)

    public init(_ resource: some FHIRResource) {
        self = resource.asAnyResource
    }

    /// The wrapped resource.
    public var resource: any FHIRResource {
        switch self {
        case .adverseEvent(let resource): resource
        case .appointment(let resource): resource
        case .auditEvent(let resource): resource
        case .bundle(let resource): resource
        case .capabilityStatement(let resource): resource
        case .condition(let resource): resource
        case .consent(let resource): resource
        case .medication(let resource): resource
        case .medicationAdministration(let resource): resource
        case .observation(let resource): resource
        case .operationOutcome(let resource): resource
        case .patient(let resource): resource
        case .practitioner(let resource): resource
        case .procedure(let resource): resource
        case .questionnaire(let resource): resource
        case .questionnaireResponse(let resource): resource
        }
    }

    public var resourceType: FHIRResourceType { type(of: resource).resourceType }

    public var id: String? { resource.id }

    /// The wrapped resource when it is an `R`.
    public func resource<R: FHIRResource>(as type: R.Type) -> R? {
        resource as? R
    }

    public init(from decoder: any Decoder) throws {
        switch try FHIRResourceType.read(from: decoder) {
        case .adverseEvent: self = .adverseEvent(try AdverseEvent(from: decoder))
        case .appointment: self = .appointment(try Appointment(from: decoder))
        case .auditEvent: self = .auditEvent(try AuditEvent(from: decoder))
        case .bundle: self = .bundle(try Bundle(from: decoder))
        case .capabilityStatement: self = .capabilityStatement(try CapabilityStatement(from: decoder))
        case .condition: self = .condition(try Condition(from: decoder))
        case .consent: self = .consent(try Consent(from: decoder))
        case .medication: self = .medication(try Medication(from: decoder))
        case .medicationAdministration: self = .medicationAdministration(try MedicationAdministration(from: decoder))
        case .observation: self = .observation(try Observation(from: decoder))
        case .operationOutcome: self = .operationOutcome(try OperationOutcome(from: decoder))
        case .patient: self = .patient(try Patient(from: decoder))
        case .practitioner: self = .practitioner(try Practitioner(from: decoder))
        case .procedure: self = .procedure(try Procedure(from: decoder))
        case .questionnaire: self = .questionnaire(try Questionnaire(from: decoder))
        case .questionnaireResponse: self = .questionnaireResponse(try QuestionnaireResponse(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try resource.encode(to: encoder)
    }
}
