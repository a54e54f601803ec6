extension CapabilityStatement.Rest.Resource.Interaction {
    /// TypeRestfulInteraction (required binding).
    public enum Code: String, FHIRValueSetCode {
        case read
        case vread
        case update
        case patch
        case delete
        case historyInstance = "history-instance"
        case historyType = "history-type"
        case create
        case searchType = "search-type"
    }
}
