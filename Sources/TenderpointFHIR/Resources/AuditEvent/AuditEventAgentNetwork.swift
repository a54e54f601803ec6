extension AuditEvent.Agent {
    /// Where the agent acted from.
    public struct Network: Codable, Hashable, Sendable {
        public var address: String?
        public var type: AuditEvent.Agent.Network.NetworkType?

        public init(
            address: String? = nil,
            type: AuditEvent.Agent.Network.NetworkType? = nil
        ) {
            self.address = address
            self.type = type
        }
    }
}
