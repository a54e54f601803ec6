/// A collection of resources (FHIR R4 `Bundle`): search results, and any other set. Named `FHIRBundle`
/// too, since Foundation has a `Bundle`. bdl-1: `total` only in a searchset or history; bdl-2:
/// `entry.search` only in a searchset.
public struct Bundle: FHIRResource {
    public static let resourceType = FHIRResourceType.bundle

    public var id: String?
    public var meta: Meta?
    public var identifier: Identifier?
    public var type: Bundle.BundleType
    public var timestamp: FHIRInstant?
    /// The number of matches in the whole search, not only this page (unsignedInt).
    public var total: Int?
    public var link: [Bundle.Link]?
    public var entry: [Bundle.Entry]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        identifier: Identifier? = nil,
        type: Bundle.BundleType,
        timestamp: FHIRInstant? = nil,
        total: Int? = nil,
        link: [Bundle.Link]? = nil,
        entry: [Bundle.Entry]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.identifier = identifier
        self.type = type
        self.timestamp = timestamp
        self.total = total
        self.link = link
        self.entry = entry
    }

    public var asAnyResource: AnyResource { .bundle(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case identifier
        case type
        case timestamp
        case total
        case link
        case entry
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        identifier = try container.decodeIfPresent(Identifier.self, forKey: .identifier)
        type = try container.decode(Bundle.BundleType.self, forKey: .type)
        timestamp = try container.decodeIfPresent(FHIRInstant.self, forKey: .timestamp)
        total = try container.decodeIfPresent(Int.self, forKey: .total)
        link = try container.decodeIfPresent([Bundle.Link].self, forKey: .link)
        entry = try container.decodeIfPresent([Bundle.Entry].self, forKey: .entry)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(timestamp, forKey: .timestamp)
        try container.encodeIfPresent(total, forKey: .total)
        try container.encodeIfPresent(link, forKey: .link)
        try container.encodeIfPresent(entry, forKey: .entry)
    }
}
