extension Consent.Provision {
    /// ConsentProvisionType (required binding).
    public enum ProvisionType: String, FHIRValueSetCode {
        case deny
        case permit
    }
}
