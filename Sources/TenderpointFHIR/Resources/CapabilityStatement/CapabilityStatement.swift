/// What the server supports (FHIR R4 `CapabilityStatement`), served at `/fhir/metadata`.
/// cpb-1: `rest` (or messaging/document); cpb-2: a `description`, `software` or `implementation`.
public struct CapabilityStatement: FHIRResource {
    public static let resourceType = FHIRResourceType.capabilityStatement

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var url: String?
    public var version: String?
    public var name: String?
    public var title: String?
    public var status: PublicationStatus
    public var experimental: Bool?
    public var date: FHIRDateTime
    public var publisher: String?
    public var description: String?
    public var kind: CapabilityStatement.Kind
    public var instantiates: [String]?
    public var software: CapabilityStatement.Software?
    public var implementation: CapabilityStatement.Implementation?
    /// `FHIRVersion.release`.
    public var fhirVersion: String
    /// Such as `json` or `application/fhir+json`.
    public var format: [String]
    public var patchFormat: [String]?
    public var implementationGuide: [String]?
    public var rest: [CapabilityStatement.Rest]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        url: String? = nil,
        version: String? = nil,
        name: String? = nil,
        title: String? = nil,
        status: PublicationStatus,
        experimental: Bool? = nil,
        date: FHIRDateTime,
        publisher: String? = nil,
        description: String? = nil,
        kind: CapabilityStatement.Kind,
        instantiates: [String]? = nil,
        software: CapabilityStatement.Software? = nil,
        implementation: CapabilityStatement.Implementation? = nil,
        fhirVersion: String,
        format: [String],
        patchFormat: [String]? = nil,
        implementationGuide: [String]? = nil,
        rest: [CapabilityStatement.Rest]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.url = url
        self.version = version
        self.name = name
        self.title = title
        self.status = status
        self.experimental = experimental
        self.date = date
        self.publisher = publisher
        self.description = description
        self.kind = kind
        self.instantiates = instantiates
        self.software = software
        self.implementation = implementation
        self.fhirVersion = fhirVersion
        self.format = format
        self.patchFormat = patchFormat
        self.implementationGuide = implementationGuide
        self.rest = rest
    }

    public var asAnyResource: AnyResource { .capabilityStatement(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case url
        case version
        case name
        case title
        case status
        case experimental
        case date
        case publisher
        case description
        case kind
        case instantiates
        case software
        case implementation
        case fhirVersion
        case format
        case patchFormat
        case implementationGuide
        case rest
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        status = try container.decode(PublicationStatus.self, forKey: .status)
        experimental = try container.decodeIfPresent(Bool.self, forKey: .experimental)
        date = try container.decode(FHIRDateTime.self, forKey: .date)
        publisher = try container.decodeIfPresent(String.self, forKey: .publisher)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        kind = try container.decode(CapabilityStatement.Kind.self, forKey: .kind)
        instantiates = try container.decodeIfPresent([String].self, forKey: .instantiates)
        software = try container.decodeIfPresent(CapabilityStatement.Software.self, forKey: .software)
        implementation = try container.decodeIfPresent(CapabilityStatement.Implementation.self, forKey: .implementation)
        fhirVersion = try container.decode(String.self, forKey: .fhirVersion)
        format = try container.decode([String].self, forKey: .format)
        patchFormat = try container.decodeIfPresent([String].self, forKey: .patchFormat)
        implementationGuide = try container.decodeIfPresent([String].self, forKey: .implementationGuide)
        rest = try container.decodeIfPresent([CapabilityStatement.Rest].self, forKey: .rest)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(version, forKey: .version)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(experimental, forKey: .experimental)
        try container.encode(date, forKey: .date)
        try container.encodeIfPresent(publisher, forKey: .publisher)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(instantiates, forKey: .instantiates)
        try container.encodeIfPresent(software, forKey: .software)
        try container.encodeIfPresent(implementation, forKey: .implementation)
        try container.encode(fhirVersion, forKey: .fhirVersion)
        try container.encode(format, forKey: .format)
        try container.encodeIfPresent(patchFormat, forKey: .patchFormat)
        try container.encodeIfPresent(implementationGuide, forKey: .implementationGuide)
        try container.encodeIfPresent(rest, forKey: .rest)
    }
}
