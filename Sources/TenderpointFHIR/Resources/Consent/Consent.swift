/// A patient's consent (FHIR R4 `Consent`): the treatment consent for a course, with the information
/// version. ppc-1: a `policy` or a `policyRule`; ppc-2…5: a `patient` for every scope Tenderpoint uses.
public struct Consent: FHIRResource {
    public static let resourceType = FHIRResourceType.consent

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var identifier: [Identifier]?
    public var status: Consent.State
    /// Consent scope (`CodeSystem.consentScope`, `treatment`).
    public var scope: CodeableConcept
    public var category: [CodeableConcept]
    public var patient: Reference?
    public var dateTime: FHIRDateTime?
    public var performer: [Reference]?
    public var organization: [Reference]?
    /// `source[x]` as a Reference, the only type of the choice this subset writes.
    public var sourceReference: Reference?
    public var policy: [Consent.Policy]?
    public var policyRule: CodeableConcept?
    public var verification: [Consent.Verification]?
    public var provision: Consent.Provision?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: [Identifier]? = nil,
        status: Consent.State,
        scope: CodeableConcept,
        category: [CodeableConcept],
        patient: Reference? = nil,
        dateTime: FHIRDateTime? = nil,
        performer: [Reference]? = nil,
        organization: [Reference]? = nil,
        sourceReference: Reference? = nil,
        policy: [Consent.Policy]? = nil,
        policyRule: CodeableConcept? = nil,
        verification: [Consent.Verification]? = nil,
        provision: Consent.Provision? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.status = status
        self.scope = scope
        self.category = category
        self.patient = patient
        self.dateTime = dateTime
        self.performer = performer
        self.organization = organization
        self.sourceReference = sourceReference
        self.policy = policy
        self.policyRule = policyRule
        self.verification = verification
        self.provision = provision
    }

    public var asAnyResource: AnyResource { .consent(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case status
        case scope
        case category
        case patient
        case dateTime
        case performer
        case organization
        case sourceReference
        case policy
        case policyRule
        case verification
        case provision
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        identifier = try container.decodeIfPresent([Identifier].self, forKey: .identifier)
        status = try container.decode(Consent.State.self, forKey: .status)
        scope = try container.decode(CodeableConcept.self, forKey: .scope)
        category = try container.decode([CodeableConcept].self, forKey: .category)
        patient = try container.decodeIfPresent(Reference.self, forKey: .patient)
        dateTime = try container.decodeIfPresent(FHIRDateTime.self, forKey: .dateTime)
        performer = try container.decodeIfPresent([Reference].self, forKey: .performer)
        organization = try container.decodeIfPresent([Reference].self, forKey: .organization)
        sourceReference = try container.decodeIfPresent(Reference.self, forKey: .sourceReference)
        policy = try container.decodeIfPresent([Consent.Policy].self, forKey: .policy)
        policyRule = try container.decodeIfPresent(CodeableConcept.self, forKey: .policyRule)
        verification = try container.decodeIfPresent([Consent.Verification].self, forKey: .verification)
        provision = try container.decodeIfPresent(Consent.Provision.self, forKey: .provision)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encode(status, forKey: .status)
        try container.encode(scope, forKey: .scope)
        try container.encode(category, forKey: .category)
        try container.encodeIfPresent(patient, forKey: .patient)
        try container.encodeIfPresent(dateTime, forKey: .dateTime)
        try container.encodeIfPresent(performer, forKey: .performer)
        try container.encodeIfPresent(organization, forKey: .organization)
        try container.encodeIfPresent(sourceReference, forKey: .sourceReference)
        try container.encodeIfPresent(policy, forKey: .policy)
        try container.encodeIfPresent(policyRule, forKey: .policyRule)
        try container.encodeIfPresent(verification, forKey: .verification)
        try container.encodeIfPresent(provision, forKey: .provision)
    }
}
