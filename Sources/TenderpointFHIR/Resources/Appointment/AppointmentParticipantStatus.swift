extension Appointment.Participant {
    /// ParticipationStatus (required binding).
    public enum Status: String, FHIRValueSetCode {
        case accepted
        case declined
        case tentative
        case needsAction = "needs-action"
    }
}
