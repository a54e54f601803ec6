extension Consent {
    /// A policy the consent is made under.
    public struct Policy: Codable, Hashable, Sendable {
        public var authority: String?
        public var uri: String?

        public init(
            authority: String? = nil,
            uri: String? = nil
        ) {
            self.authority = authority
            self.uri = uri
        }
    }
}
