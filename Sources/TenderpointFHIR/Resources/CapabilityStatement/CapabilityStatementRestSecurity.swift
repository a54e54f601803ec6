extension CapabilityStatement.Rest {
    /// How clients authenticate.
    public struct Security: Codable, Hashable, Sendable {
        public var cors: Bool?
        public var service: [CodeableConcept]?
        public var description: String?

        public init(
            cors: Bool? = nil,
            service: [CodeableConcept]? = nil,
            description: String? = nil
        ) {
            self.cors = cors
            self.service = service
            self.description = description
        }
    }
}
