extension Procedure {
    /// EventStatus (required binding).
    public enum Status: String, FHIRValueSetCode {
        case preparation
        case inProgress = "in-progress"
        case notDone = "not-done"
        case onHold = "on-hold"
        case stopped
        case completed
        case enteredInError = "entered-in-error"
        case unknown
    }
}
