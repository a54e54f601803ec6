extension CapabilityStatement.Rest.Interaction {
    /// SystemRestfulInteraction (required binding).
    public enum Code: String, FHIRValueSetCode {
        case transaction
        case batch
        case searchSystem = "search-system"
        case historySystem = "history-system"
    }
}
