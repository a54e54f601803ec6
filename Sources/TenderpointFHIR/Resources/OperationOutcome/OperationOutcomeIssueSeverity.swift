extension OperationOutcome.Issue {
    /// IssueSeverity (required binding).
    public enum Severity: String, FHIRValueSetCode {
        case fatal
        case error
        case warning
        case information
    }
}
