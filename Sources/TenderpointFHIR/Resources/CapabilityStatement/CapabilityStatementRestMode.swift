extension CapabilityStatement.Rest {
    /// RestfulCapabilityMode (required binding).
    public enum Mode: String, FHIRValueSetCode {
        case client
        case server
    }
}
