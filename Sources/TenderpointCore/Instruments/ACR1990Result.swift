/// The outcome of the ACR 1990 tender-point criterion.
public struct ACR1990Result: Hashable, Sendable, Codable {
    /// Positive tender points, 0–18.
    public let count: Int
    public let criteriaMet: Bool
    /// Why the criterion is not met (every failed part, joined with "; "); nil when met.
    public let reason: String?

    public init(count: Int, criteriaMet: Bool, reason: String?) {
        self.count = count
        self.criteriaMet = criteriaMet
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case count, criteriaMet, reason
    }

    // Written by hand so a missing reason is an explicit `null`, as the API's other nullables are.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(criteriaMet, forKey: .criteriaMet)
        try container.encode(reason, forKey: .reason)
    }
}
