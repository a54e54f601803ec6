/// A measurement or assessment result (FHIR R4 `Observation`): pain NRS, tender-point count,
/// WPI, SSS, FS, FIQR totals, diary entries. obs-6: `dataAbsentReason` only without a `value`.
public struct Observation: FHIRResource {
    public static let resourceType = FHIRResourceType.observation

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var identifier: [Identifier]?
    public var basedOn: [Reference]?
    public var partOf: [Reference]?
    public var status: Observation.Status
    public var category: [CodeableConcept]?
    public var code: CodeableConcept
    public var subject: Reference?
    public var focus: [Reference]?
    public var encounter: Reference?
    public var effective: EffectiveTime?
    public var issued: FHIRInstant?
    public var performer: [Reference]?
    public var value: Observation.Value?
    public var dataAbsentReason: CodeableConcept?
    public var interpretation: [CodeableConcept]?
    public var note: [Annotation]?
    public var bodySite: CodeableConcept?
    public var method: CodeableConcept?
    public var device: Reference?
    public var hasMember: [Reference]?
    public var derivedFrom: [Reference]?
    public var component: [Observation.Component]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: [Identifier]? = nil,
        basedOn: [Reference]? = nil,
        partOf: [Reference]? = nil,
        status: Observation.Status,
        category: [CodeableConcept]? = nil,
        code: CodeableConcept,
        subject: Reference? = nil,
        focus: [Reference]? = nil,
        encounter: Reference? = nil,
        effective: EffectiveTime? = nil,
        issued: FHIRInstant? = nil,
        performer: [Reference]? = nil,
        value: Observation.Value? = nil,
        dataAbsentReason: CodeableConcept? = nil,
        interpretation: [CodeableConcept]? = nil,
        note: [Annotation]? = nil,
        bodySite: CodeableConcept? = nil,
        method: CodeableConcept? = nil,
        device: Reference? = nil,
        hasMember: [Reference]? = nil,
        derivedFrom: [Reference]? = nil,
        component: [Observation.Component]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.basedOn = basedOn
        self.partOf = partOf
        self.status = status
        self.category = category
        self.code = code
        self.subject = subject
        self.focus = focus
        self.encounter = encounter
        self.effective = effective
        self.issued = issued
        self.performer = performer
        self.value = value
        self.dataAbsentReason = dataAbsentReason
        self.interpretation = interpretation
        self.note = note
        self.bodySite = bodySite
        self.method = method
        self.device = device
        self.hasMember = hasMember
        self.derivedFrom = derivedFrom
        self.component = component
    }

    public var asAnyResource: AnyResource { .observation(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case basedOn
        case partOf
        case status
        case category
        case code
        case subject
        case focus
        case encounter
        case issued
        case performer
        case dataAbsentReason
        case interpretation
        case note
        case bodySite
        case method
        case device
        case hasMember
        case derivedFrom
        case component
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
        status = try container.decode(Observation.Status.self, forKey: .status)
        category = try container.decodeIfPresent([CodeableConcept].self, forKey: .category)
        code = try container.decode(CodeableConcept.self, forKey: .code)
        subject = try container.decodeIfPresent(Reference.self, forKey: .subject)
        focus = try container.decodeIfPresent([Reference].self, forKey: .focus)
        encounter = try container.decodeIfPresent(Reference.self, forKey: .encounter)
        effective = try EffectiveTime.decode(from: decoder, prefix: "effective")
        issued = try container.decodeIfPresent(FHIRInstant.self, forKey: .issued)
        performer = try container.decodeIfPresent([Reference].self, forKey: .performer)
        value = try Observation.Value.decode(from: decoder, prefix: "value")
        dataAbsentReason = try container.decodeIfPresent(CodeableConcept.self, forKey: .dataAbsentReason)
        interpretation = try container.decodeIfPresent([CodeableConcept].self, forKey: .interpretation)
        note = try container.decodeIfPresent([Annotation].self, forKey: .note)
        bodySite = try container.decodeIfPresent(CodeableConcept.self, forKey: .bodySite)
        method = try container.decodeIfPresent(CodeableConcept.self, forKey: .method)
        device = try container.decodeIfPresent(Reference.self, forKey: .device)
        hasMember = try container.decodeIfPresent([Reference].self, forKey: .hasMember)
        derivedFrom = try container.decodeIfPresent([Reference].self, forKey: .derivedFrom)
        component = try container.decodeIfPresent([Observation.Component].self, forKey: .component)
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
        try container.encodeIfPresent(category, forKey: .category)
        try container.encode(code, forKey: .code)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(focus, forKey: .focus)
        try container.encodeIfPresent(encounter, forKey: .encounter)
        try effective?.encode(to: encoder, prefix: "effective")
        try container.encodeIfPresent(issued, forKey: .issued)
        try container.encodeIfPresent(performer, forKey: .performer)
        try value?.encode(to: encoder, prefix: "value")
        try container.encodeIfPresent(dataAbsentReason, forKey: .dataAbsentReason)
        try container.encodeIfPresent(interpretation, forKey: .interpretation)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(bodySite, forKey: .bodySite)
        try container.encodeIfPresent(method, forKey: .method)
        try container.encodeIfPresent(device, forKey: .device)
        try container.encodeIfPresent(hasMember, forKey: .hasMember)
        try container.encodeIfPresent(derivedFrom, forKey: .derivedFrom)
        try container.encodeIfPresent(component, forKey: .component)
    }
}
