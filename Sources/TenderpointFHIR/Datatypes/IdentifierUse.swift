extension Identifier {
    /// IdentifierUse (required binding).
    public enum Use: String, FHIRValueSetCode {
        case usual
        case official
        case temp
        case secondary
        case old
    }
}
