extension AuditEvent {
    /// The system that recorded the event.
    public struct Source: Codable, Hashable, Sendable {
        public var site: String?
        public var observer: Reference
        public var type: [Coding]?

        public init(
            site: String? = nil,
            observer: Reference,
            type: [Coding]? = nil
        ) {
            self.site = site
            self.observer = observer
            self.type = type
        }
    }
}
