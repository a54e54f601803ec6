extension AuditEvent {
    /// AuditEventOutcome (required binding).
    public enum Outcome: String, FHIRValueSetCode {
        case success = "0"
        case minorFailure = "4"
        case seriousFailure = "8"
        case majorFailure = "12"
    }
}
