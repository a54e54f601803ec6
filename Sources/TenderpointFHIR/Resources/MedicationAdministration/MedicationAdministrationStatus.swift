extension MedicationAdministration {
    /// MedicationAdministration Status Codes (required binding).
    public enum Status: String, FHIRValueSetCode {
        case inProgress = "in-progress"
        case notDone = "not-done"
        case onHold = "on-hold"
        case completed
        case enteredInError = "entered-in-error"
        case stopped
        case unknown
    }
}
