/// A form's structure (FHIR R4 `Questionnaire`): FIQR items with numbers and neutral labels, ACR 2016.
public struct Questionnaire: FHIRResource {
    public static let resourceType = FHIRResourceType.questionnaire

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    /// Canonical URL, which `QuestionnaireResponse.questionnaire` points at.
    public var url: String?
    public var identifier: [Identifier]?
    public var version: String?
    public var name: String?
    public var title: String?
    public var status: PublicationStatus
    public var experimental: Bool?
    public var subjectType: [String]?
    public var date: FHIRDateTime?
    public var publisher: String?
    public var description: String?
    public var purpose: String?
    public var copyright: String?
    public var code: [Coding]?
    public var item: [Questionnaire.Item]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        url: String? = nil,
        identifier: [Identifier]? = nil,
        version: String? = nil,
        name: String? = nil,
        title: String? = nil,
        status: PublicationStatus,
        experimental: Bool? = nil,
        subjectType: [String]? = nil,
        date: FHIRDateTime? = nil,
        publisher: String? = nil,
        description: String? = nil,
        purpose: String? = nil,
        copyright: String? = nil,
        code: [Coding]? = nil,
        item: [Questionnaire.Item]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.url = url
        self.identifier = identifier
        self.version = version
        self.name = name
        self.title = title
        self.status = status
        self.experimental = experimental
        self.subjectType = subjectType
        self.date = date
        self.publisher = publisher
        self.description = description
        self.purpose = purpose
        self.copyright = copyright
        self.code = code
        self.item = item
    }

    public var asAnyResource: AnyResource { .questionnaire(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case url
        case identifier
        case version
        case name
        case title
        case status
        case experimental
        case subjectType
        case date
        case publisher
        case description
        case purpose
        case copyright
        case code
        case item
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        identifier = try container.decodeIfPresent([Identifier].self, forKey: .identifier)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        status = try container.decode(PublicationStatus.self, forKey: .status)
        experimental = try container.decodeIfPresent(Bool.self, forKey: .experimental)
        subjectType = try container.decodeIfPresent([String].self, forKey: .subjectType)
        date = try container.decodeIfPresent(FHIRDateTime.self, forKey: .date)
        publisher = try container.decodeIfPresent(String.self, forKey: .publisher)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        purpose = try container.decodeIfPresent(String.self, forKey: .purpose)
        copyright = try container.decodeIfPresent(String.self, forKey: .copyright)
        code = try container.decodeIfPresent([Coding].self, forKey: .code)
        item = try container.decodeIfPresent([Questionnaire.Item].self, forKey: .item)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encodeIfPresent(version, forKey: .version)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(experimental, forKey: .experimental)
        try container.encodeIfPresent(subjectType, forKey: .subjectType)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeIfPresent(publisher, forKey: .publisher)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(purpose, forKey: .purpose)
        try container.encodeIfPresent(copyright, forKey: .copyright)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(item, forKey: .item)
    }
}
