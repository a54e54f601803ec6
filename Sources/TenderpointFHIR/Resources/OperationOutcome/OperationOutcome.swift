/// Errors and warnings about an interaction (FHIR R4 `OperationOutcome`).
public struct OperationOutcome: FHIRResource {
    public static let resourceType = FHIRResourceType.operationOutcome

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var issue: [OperationOutcome.Issue]

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        issue: [OperationOutcome.Issue]
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.issue = issue
    }

    public var asAnyResource: AnyResource { .operationOutcome(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case issue
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        issue = try container.decode([OperationOutcome.Issue].self, forKey: .issue)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encode(issue, forKey: .issue)
    }
}
