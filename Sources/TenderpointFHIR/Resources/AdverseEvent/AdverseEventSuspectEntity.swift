extension AdverseEvent {
    /// What may have caused the event, such as the session's `Procedure` or a `MedicationAdministration`.
    public struct SuspectEntity: Codable, Hashable, Sendable {
        public var instance: Reference
        public var causality: [AdverseEvent.SuspectEntity.Causality]?

        public init(
            instance: Reference,
            causality: [AdverseEvent.SuspectEntity.Causality]? = nil
        ) {
            self.instance = instance
            self.causality = causality
        }
    }
}
