extension Appointment {
    /// Someone taking part. app-1: a `type` or an `actor` is required.
    public struct Participant: Codable, Hashable, Sendable {
        public var type: [CodeableConcept]?
        public var actor: Reference?
        public var required: Appointment.Participant.Required?
        public var status: Appointment.Participant.Status
        public var period: Period?

        public init(
            type: [CodeableConcept]? = nil,
            actor: Reference? = nil,
            required: Appointment.Participant.Required? = nil,
            status: Appointment.Participant.Status,
            period: Period? = nil
        ) {
            self.type = type
            self.actor = actor
            self.required = required
            self.status = status
            self.period = period
        }
    }
}
