extension MedicationAdministration {
    /// Who gave the dose.
    public struct Performer: Codable, Hashable, Sendable {
        public var function: CodeableConcept?
        public var actor: Reference

        public init(
            function: CodeableConcept? = nil,
            actor: Reference
        ) {
            self.function = function
            self.actor = actor
        }
    }
}
