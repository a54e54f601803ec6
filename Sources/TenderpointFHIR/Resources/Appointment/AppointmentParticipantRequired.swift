extension Appointment.Participant {
    /// ParticipantRequired (required binding).
    public enum Required: String, FHIRValueSetCode {
        case required
        case optional
        case informationOnly = "information-only"
    }
}
