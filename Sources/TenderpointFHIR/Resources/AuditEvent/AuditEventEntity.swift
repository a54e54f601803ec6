extension AuditEvent {
    /// A record the event concerned, such as the patient read.
    public struct Entity: Codable, Hashable, Sendable {
        public var what: Reference?
        public var type: Coding?
        public var role: Coding?
        public var lifecycle: Coding?
        public var securityLabel: [Coding]?
        public var name: String?
        public var description: String?
        /// The query, base64-encoded (base64Binary).
        public var query: String?

        public init(
            what: Reference? = nil,
            type: Coding? = nil,
            role: Coding? = nil,
            lifecycle: Coding? = nil,
            securityLabel: [Coding]? = nil,
            name: String? = nil,
            description: String? = nil,
            query: String? = nil
        ) {
            self.what = what
            self.type = type
            self.role = role
            self.lifecycle = lifecycle
            self.securityLabel = securityLabel
            self.name = name
            self.description = description
            self.query = query
        }
    }
}
