/// A completed form (FHIR R4 `QuestionnaireResponse`).
public struct QuestionnaireResponse: FHIRResource {
    public static let resourceType = FHIRResourceType.questionnaireResponse

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    /// 0..1: a response has at most one identifier.
    public var identifier: Identifier?
    public var basedOn: [Reference]?
    public var partOf: [Reference]?
    /// The canonical URL of the Questionnaire answered.
    public var questionnaire: String?
    public var status: QuestionnaireResponse.Status
    public var subject: Reference?
    public var encounter: Reference?
    public var authored: FHIRDateTime?
    public var author: Reference?
    public var source: Reference?
    public var item: [QuestionnaireResponse.Item]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: Identifier? = nil,
        basedOn: [Reference]? = nil,
        partOf: [Reference]? = nil,
        questionnaire: String? = nil,
        status: QuestionnaireResponse.Status,
        subject: Reference? = nil,
        encounter: Reference? = nil,
        authored: FHIRDateTime? = nil,
        author: Reference? = nil,
        source: Reference? = nil,
        item: [QuestionnaireResponse.Item]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.basedOn = basedOn
        self.partOf = partOf
        self.questionnaire = questionnaire
        self.status = status
        self.subject = subject
        self.encounter = encounter
        self.authored = authored
        self.author = author
        self.source = source
        self.item = item
    }

    public var asAnyResource: AnyResource { .questionnaireResponse(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case basedOn
        case partOf
        case questionnaire
        case status
        case subject
        case encounter
        case authored
        case author
        case source
        case item
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        identifier = try container.decodeIfPresent(Identifier.self, forKey: .identifier)
        basedOn = try container.decodeIfPresent([Reference].self, forKey: .basedOn)
        partOf = try container.decodeIfPresent([Reference].self, forKey: .partOf)
        questionnaire = try container.decodeIfPresent(String.self, forKey: .questionnaire)
        status = try container.decode(QuestionnaireResponse.Status.self, forKey: .status)
        subject = try container.decodeIfPresent(Reference.self, forKey: .subject)
        encounter = try container.decodeIfPresent(Reference.self, forKey: .encounter)
        authored = try container.decodeIfPresent(FHIRDateTime.self, forKey: .authored)
        author = try container.decodeIfPresent(Reference.self, forKey: .author)
        source = try container.decodeIfPresent(Reference.self, forKey: .source)
        item = try container.decodeIfPresent([QuestionnaireResponse.Item].self, forKey: .item)
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
        try container.encodeIfPresent(questionnaire, forKey: .questionnaire)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(encounter, forKey: .encounter)
        try container.encodeIfPresent(authored, forKey: .authored)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(item, forKey: .item)
    }
}
