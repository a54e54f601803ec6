extension AuditEvent {
    /// An actor in the event: the user, or the system.
    public struct Agent: Codable, Hashable, Sendable {
        public var type: CodeableConcept?
        public var role: [CodeableConcept]?
        public var who: Reference?
        public var altId: String?
        public var name: String?
        /// Whether this agent started the event.
        public var requestor: Bool
        public var location: Reference?
        public var policy: [String]?
        public var media: Coding?
        public var network: AuditEvent.Agent.Network?
        public var purposeOfUse: [CodeableConcept]?

        public init(
            type: CodeableConcept? = nil,
            role: [CodeableConcept]? = nil,
            who: Reference? = nil,
            altId: String? = nil,
            name: String? = nil,
            requestor: Bool,
            location: Reference? = nil,
            policy: [String]? = nil,
            media: Coding? = nil,
            network: AuditEvent.Agent.Network? = nil,
            purposeOfUse: [CodeableConcept]? = nil
        ) {
            self.type = type
            self.role = role
            self.who = who
            self.altId = altId
            self.name = name
            self.requestor = requestor
            self.location = location
            self.policy = policy
            self.media = media
            self.network = network
            self.purposeOfUse = purposeOfUse
        }
    }
}
