extension CapabilityStatement.Rest.Resource {
    /// ResourceVersionPolicy (required binding).
    public enum Versioning: String, FHIRValueSetCode {
        case noVersion = "no-version"
        case versioned
        case versionedUpdate = "versioned-update"
    }
}
