/// A request to chart a session before the minimum interval has passed. Only a clinician may
/// override, and only with a written reason; the server audits every override.
public struct ReinjectionOverride: Hashable, Sendable, Codable {
    public let reason: String
    public let by: Role

    public init(reason: String, by: Role) {
        self.reason = reason
        self.by = by
    }
}
