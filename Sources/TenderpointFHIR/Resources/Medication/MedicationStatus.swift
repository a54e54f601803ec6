extension Medication {
    /// MedicationStatusCodes (required binding).
    public enum Status: String, FHIRValueSetCode {
        case active
        case inactive
        case enteredInError = "entered-in-error"
    }
}
