extension Procedure {
    /// Who performed the procedure, and in what role.
    public struct Performer: Codable, Hashable, Sendable {
        public var function: CodeableConcept?
        public var actor: Reference
        public var onBehalfOf: Reference?

        public init(
            function: CodeableConcept? = nil,
            actor: Reference,
            onBehalfOf: Reference? = nil
        ) {
            self.function = function
            self.actor = actor
            self.onBehalfOf = onBehalfOf
        }
    }
}
