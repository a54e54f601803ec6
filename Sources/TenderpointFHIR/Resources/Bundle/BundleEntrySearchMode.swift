extension Bundle.Entry.Search {
    /// SearchEntryMode (required binding).
    public enum Mode: String, FHIRValueSetCode {
        case match
        case include
        case outcome
    }
}
