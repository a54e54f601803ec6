extension Observation {
    /// ObservationStatus (required binding).
    public enum Status: String, FHIRValueSetCode {
        case registered
        case preliminary
        case final
        case amended
        case corrected
        case cancelled
        case enteredInError = "entered-in-error"
        case unknown
    }
}
