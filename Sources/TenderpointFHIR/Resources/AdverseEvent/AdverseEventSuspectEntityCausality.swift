extension AdverseEvent.SuspectEntity {
    /// An assessment of whether the entity caused the event.
    public struct Causality: Codable, Hashable, Sendable {
        public var assessment: CodeableConcept?
        public var productRelatedness: String?
        public var author: Reference?
        public var method: CodeableConcept?

        public init(
            assessment: CodeableConcept? = nil,
            productRelatedness: String? = nil,
            author: Reference? = nil,
            method: CodeableConcept? = nil
        ) {
            self.assessment = assessment
            self.productRelatedness = productRelatedness
            self.author = author
            self.method = method
        }
    }
}
