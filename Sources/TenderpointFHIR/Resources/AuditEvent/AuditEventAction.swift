extension AuditEvent {
    /// AuditEventAction (required binding).
    public enum Action: String, FHIRValueSetCode {
        case create = "C"
        case read = "R"
        case update = "U"
        case delete = "D"
        case execute = "E"
    }
}
