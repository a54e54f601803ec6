extension CapabilityStatement {
    /// The software, when the statement describes one.
    public struct Software: Codable, Hashable, Sendable {
        public var name: String
        public var version: String?
        public var releaseDate: FHIRDateTime?

        public init(
            name: String,
            version: String? = nil,
            releaseDate: FHIRDateTime? = nil
        ) {
            self.name = name
            self.version = version
            self.releaseDate = releaseDate
        }
    }
}
