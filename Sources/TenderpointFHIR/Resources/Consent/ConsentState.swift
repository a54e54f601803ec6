extension Consent {
    /// ConsentState (required binding).
    public enum State: String, FHIRValueSetCode {
        case draft
        case proposed
        case active
        case rejected
        case inactive
        case enteredInError = "entered-in-error"
    }
}
