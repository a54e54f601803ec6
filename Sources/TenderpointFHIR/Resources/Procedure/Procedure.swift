/// An action performed on a patient (FHIR R4 `Procedure`): one per injection session.
public struct Procedure: FHIRResource {
    public static let resourceType = FHIRResourceType.procedure

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var identifier: [Identifier]?
    public var basedOn: [Reference]?
    public var partOf: [Reference]?
    public var status: Procedure.Status
    public var statusReason: CodeableConcept?
    public var category: CodeableConcept?
    public var code: CodeableConcept?
    public var subject: Reference
    public var encounter: Reference?
    public var performed: EffectiveTime?
    public var recorder: Reference?
    public var asserter: Reference?
    public var performer: [Procedure.Performer]?
    public var location: Reference?
    public var reasonCode: [CodeableConcept]?
    public var reasonReference: [Reference]?
    public var bodySite: [CodeableConcept]?
    public var outcome: CodeableConcept?
    public var complication: [CodeableConcept]?
    public var complicationDetail: [Reference]?
    public var followUp: [CodeableConcept]?
    public var note: [Annotation]?
    public var usedReference: [Reference]?
    public var usedCode: [CodeableConcept]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: [Identifier]? = nil,
        basedOn: [Reference]? = nil,
        partOf: [Reference]? = nil,
        status: Procedure.Status,
        statusReason: CodeableConcept? = nil,
        category: CodeableConcept? = nil,
        code: CodeableConcept? = nil,
        subject: Reference,
        encounter: Reference? = nil,
        performed: EffectiveTime? = nil,
        recorder: Reference? = nil,
        asserter: Reference? = nil,
        performer: [Procedure.Performer]? = nil,
        location: Reference? = nil,
        reasonCode: [CodeableConcept]? = nil,
        reasonReference: [Reference]? = nil,
        bodySite: [CodeableConcept]? = nil,
        outcome: CodeableConcept? = nil,
        complication: [CodeableConcept]? = nil,
        complicationDetail: [Reference]? = nil,
        followUp: [CodeableConcept]? = nil,
        note: [Annotation]? = nil,
        usedReference: [Reference]? = nil,
        usedCode: [CodeableConcept]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.basedOn = basedOn
        self.partOf = partOf
        self.status = status
        self.statusReason = statusReason
        self.category = category
        self.code = code
        self.subject = subject
        self.encounter = encounter
        self.performed = performed
        self.recorder = recorder
        self.asserter = asserter
        self.performer = performer
        self.location = location
        self.reasonCode = reasonCode
        self.reasonReference = reasonReference
        self.bodySite = bodySite
        self.outcome = outcome
        self.complication = complication
        self.complicationDetail = complicationDetail
        self.followUp = followUp
        self.note = note
        self.usedReference = usedReference
        self.usedCode = usedCode
    }

    public var asAnyResource: AnyResource { .procedure(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case basedOn
        case partOf
        case status
        case statusReason
        case category
        case code
        case subject
        case encounter
        case recorder
        case asserter
        case performer
        case location
        case reasonCode
        case reasonReference
        case bodySite
        case outcome
        case complication
        case complicationDetail
        case followUp
        case note
        case usedReference
        case usedCode
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        identifier = try container.decodeIfPresent([Identifier].self, forKey: .identifier)
        basedOn = try container.decodeIfPresent([Reference].self, forKey: .basedOn)
        partOf = try container.decodeIfPresent([Reference].self, forKey: .partOf)
        status = try container.decode(Procedure.Status.self, forKey: .status)
        statusReason = try container.decodeIfPresent(CodeableConcept.self, forKey: .statusReason)
        category = try container.decodeIfPresent(CodeableConcept.self, forKey: .category)
        code = try container.decodeIfPresent(CodeableConcept.self, forKey: .code)
        subject = try container.decode(Reference.self, forKey: .subject)
        encounter = try container.decodeIfPresent(Reference.self, forKey: .encounter)
        performed = try EffectiveTime.decode(from: decoder, prefix: "performed")
        recorder = try container.decodeIfPresent(Reference.self, forKey: .recorder)
        asserter = try container.decodeIfPresent(Reference.self, forKey: .asserter)
        performer = try container.decodeIfPresent([Procedure.Performer].self, forKey: .performer)
        location = try container.decodeIfPresent(Reference.self, forKey: .location)
        reasonCode = try container.decodeIfPresent([CodeableConcept].self, forKey: .reasonCode)
        reasonReference = try container.decodeIfPresent([Reference].self, forKey: .reasonReference)
        bodySite = try container.decodeIfPresent([CodeableConcept].self, forKey: .bodySite)
        outcome = try container.decodeIfPresent(CodeableConcept.self, forKey: .outcome)
        complication = try container.decodeIfPresent([CodeableConcept].self, forKey: .complication)
        complicationDetail = try container.decodeIfPresent([Reference].self, forKey: .complicationDetail)
        followUp = try container.decodeIfPresent([CodeableConcept].self, forKey: .followUp)
        note = try container.decodeIfPresent([Annotation].self, forKey: .note)
        usedReference = try container.decodeIfPresent([Reference].self, forKey: .usedReference)
        usedCode = try container.decodeIfPresent([CodeableConcept].self, forKey: .usedCode)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encodeIfPresent(basedOn, forKey: .basedOn)
        try container.encodeIfPresent(partOf, forKey: .partOf)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(statusReason, forKey: .statusReason)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encode(subject, forKey: .subject)
        try container.encodeIfPresent(encounter, forKey: .encounter)
        try performed?.encode(to: encoder, prefix: "performed")
        try container.encodeIfPresent(recorder, forKey: .recorder)
        try container.encodeIfPresent(asserter, forKey: .asserter)
        try container.encodeIfPresent(performer, forKey: .performer)
        try container.encodeIfPresent(location, forKey: .location)
        try container.encodeIfPresent(reasonCode, forKey: .reasonCode)
        try container.encodeIfPresent(reasonReference, forKey: .reasonReference)
        try container.encodeIfPresent(bodySite, forKey: .bodySite)
        try container.encodeIfPresent(outcome, forKey: .outcome)
        try container.encodeIfPresent(complication, forKey: .complication)
        try container.encodeIfPresent(complicationDetail, forKey: .complicationDetail)
        try container.encodeIfPresent(followUp, forKey: .followUp)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(usedReference, forKey: .usedReference)
        try container.encodeIfPresent(usedCode, forKey: .usedCode)
    }
}
