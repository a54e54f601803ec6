extension CapabilityStatement {
    /// The installation, when the statement describes one.
    public struct Implementation: Codable, Hashable, Sendable {
        public var description: String
        public var url: String?

        public init(
            description: String,
            url: String? = nil
        ) {
            self.description = description
            self.url = url
        }
    }
}
