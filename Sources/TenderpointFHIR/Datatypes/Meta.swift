/// Metadata about a resource (FHIR R4 `Meta`). A contained resource carries no `versionId` or `lastUpdated` (dom-4).
public struct Meta: Codable, Hashable, Sendable {
    public var versionId: String?
    public var lastUpdated: FHIRInstant?
    public var source: String?
    public var profile: [String]?
    public var security: [Coding]?
    public var tag: [Coding]?

    public init(
        versionId: String? = nil,
        lastUpdated: FHIRInstant? = nil,
        source: String? = nil,
        profile: [String]? = nil,
        security: [Coding]? = nil,
        tag: [Coding]? = nil
    ) {
        self.versionId = versionId
        self.lastUpdated = lastUpdated
        self.source = source
        self.profile = profile
        self.security = security
        self.tag = tag
    }
}
