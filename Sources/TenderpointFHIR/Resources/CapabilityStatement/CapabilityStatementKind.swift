extension CapabilityStatement {
    /// CapabilityStatementKind (required binding).
    public enum Kind: String, FHIRValueSetCode {
        case instance
        case capability
        case requirements
    }
}
