/// A record of who did what to which record, when (FHIR R4 `AuditEvent`).
public struct AuditEvent: FHIRResource {
    public static let resourceType = FHIRResourceType.auditEvent

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    /// The kind of event, such as `rest` from `CodeSystem.auditEventType`.
    public var type: Coding
    /// For REST events, the interaction (`read`, `search-type`) from `CodeSystem.restfulInteraction`.
    public var subtype: [Coding]?
    public var action: AuditEvent.Action?
    public var period: Period?
    public var recorded: FHIRInstant
    public var outcome: AuditEvent.Outcome?
    public var outcomeDesc: String?
    public var purposeOfEvent: [CodeableConcept]?
    public var agent: [AuditEvent.Agent]
    public var source: AuditEvent.Source
    public var entity: [AuditEvent.Entity]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        type: Coding,
        subtype: [Coding]? = nil,
        action: AuditEvent.Action? = nil,
        period: Period? = nil,
        recorded: FHIRInstant,
        outcome: AuditEvent.Outcome? = nil,
        outcomeDesc: String? = nil,
        purposeOfEvent: [CodeableConcept]? = nil,
        agent: [AuditEvent.Agent],
        source: AuditEvent.Source,
        entity: [AuditEvent.Entity]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.type = type
        self.subtype = subtype
        self.action = action
        self.period = period
        self.recorded = recorded
        self.outcome = outcome
        self.outcomeDesc = outcomeDesc
        self.purposeOfEvent = purposeOfEvent
        self.agent = agent
        self.source = source
        self.entity = entity
    }

    public var asAnyResource: AnyResource { .auditEvent(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case type
        case subtype
        case action
        case period
        case recorded
        case outcome
        case outcomeDesc
        case purposeOfEvent
        case agent
        case source
        case entity
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        type = try container.decode(Coding.self, forKey: .type)
        subtype = try container.decodeIfPresent([Coding].self, forKey: .subtype)
        action = try container.decodeIfPresent(AuditEvent.Action.self, forKey: .action)
        period = try container.decodeIfPresent(Period.self, forKey: .period)
        recorded = try container.decode(FHIRInstant.self, forKey: .recorded)
        outcome = try container.decodeIfPresent(AuditEvent.Outcome.self, forKey: .outcome)
        outcomeDesc = try container.decodeIfPresent(String.self, forKey: .outcomeDesc)
        purposeOfEvent = try container.decodeIfPresent([CodeableConcept].self, forKey: .purposeOfEvent)
        agent = try container.decode([AuditEvent.Agent].self, forKey: .agent)
        source = try container.decode(AuditEvent.Source.self, forKey: .source)
        entity = try container.decodeIfPresent([AuditEvent.Entity].self, forKey: .entity)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(subtype, forKey: .subtype)
        try container.encodeIfPresent(action, forKey: .action)
        try container.encodeIfPresent(period, forKey: .period)
        try container.encode(recorded, forKey: .recorded)
        try container.encodeIfPresent(outcome, forKey: .outcome)
        try container.encodeIfPresent(outcomeDesc, forKey: .outcomeDesc)
        try container.encodeIfPresent(purposeOfEvent, forKey: .purposeOfEvent)
        try container.encode(agent, forKey: .agent)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(entity, forKey: .entity)
    }
}
