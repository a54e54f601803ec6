/// A diagnosis or problem (FHIR R4 `Condition`): fibromyalgia, myofascial pain.
/// `clinicalStatus` and `verificationStatus` use `CodeSystem.conditionClinical` and
/// `CodeSystem.conditionVerification` (required bindings); con-5: no `clinicalStatus` when entered in error.
public struct Condition: FHIRResource {
    public static let resourceType = FHIRResourceType.condition

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var identifier: [Identifier]?
    public var clinicalStatus: CodeableConcept?
    public var verificationStatus: CodeableConcept?
    public var category: [CodeableConcept]?
    public var severity: CodeableConcept?
    public var code: CodeableConcept?
    public var bodySite: [CodeableConcept]?
    public var subject: Reference
    public var encounter: Reference?
    public var onset: Condition.Onset?
    public var abatement: Condition.Onset?
    public var recordedDate: FHIRDateTime?
    public var recorder: Reference?
    public var asserter: Reference?
    public var note: [Annotation]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: [Identifier]? = nil,
        clinicalStatus: CodeableConcept? = nil,
        verificationStatus: CodeableConcept? = nil,
        category: [CodeableConcept]? = nil,
        severity: CodeableConcept? = nil,
        code: CodeableConcept? = nil,
        bodySite: [CodeableConcept]? = nil,
        subject: Reference,
        encounter: Reference? = nil,
        onset: Condition.Onset? = nil,
        abatement: Condition.Onset? = nil,
        recordedDate: FHIRDateTime? = nil,
        recorder: Reference? = nil,
        asserter: Reference? = nil,
        note: [Annotation]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.clinicalStatus = clinicalStatus
        self.verificationStatus = verificationStatus
        self.category = category
        self.severity = severity
        self.code = code
        self.bodySite = bodySite
        self.subject = subject
        self.encounter = encounter
        self.onset = onset
        self.abatement = abatement
        self.recordedDate = recordedDate
        self.recorder = recorder
        self.asserter = asserter
        self.note = note
    }

    public var asAnyResource: AnyResource { .condition(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case clinicalStatus
        case verificationStatus
        case category
        case severity
        case code
        case bodySite
        case subject
        case encounter
        case recordedDate
        case recorder
        case asserter
        case note
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        identifier = try container.decodeIfPresent([Identifier].self, forKey: .identifier)
        clinicalStatus = try container.decodeIfPresent(CodeableConcept.self, forKey: .clinicalStatus)
        verificationStatus = try container.decodeIfPresent(CodeableConcept.self, forKey: .verificationStatus)
        category = try container.decodeIfPresent([CodeableConcept].self, forKey: .category)
        severity = try container.decodeIfPresent(CodeableConcept.self, forKey: .severity)
        code = try container.decodeIfPresent(CodeableConcept.self, forKey: .code)
        bodySite = try container.decodeIfPresent([CodeableConcept].self, forKey: .bodySite)
        subject = try container.decode(Reference.self, forKey: .subject)
        encounter = try container.decodeIfPresent(Reference.self, forKey: .encounter)
        onset = try Condition.Onset.decode(from: decoder, prefix: "onset")
        abatement = try Condition.Onset.decode(from: decoder, prefix: "abatement")
        recordedDate = try container.decodeIfPresent(FHIRDateTime.self, forKey: .recordedDate)
        recorder = try container.decodeIfPresent(Reference.self, forKey: .recorder)
        asserter = try container.decodeIfPresent(Reference.self, forKey: .asserter)
        note = try container.decodeIfPresent([Annotation].self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encodeIfPresent(clinicalStatus, forKey: .clinicalStatus)
        try container.encodeIfPresent(verificationStatus, forKey: .verificationStatus)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encodeIfPresent(severity, forKey: .severity)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(bodySite, forKey: .bodySite)
        try container.encode(subject, forKey: .subject)
        try container.encodeIfPresent(encounter, forKey: .encounter)
        try onset?.encode(to: encoder, prefix: "onset")
        try abatement?.encode(to: encoder, prefix: "abatement")
        try container.encodeIfPresent(recordedDate, forKey: .recordedDate)
        try container.encodeIfPresent(recorder, forKey: .recorder)
        try container.encodeIfPresent(asserter, forKey: .asserter)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
