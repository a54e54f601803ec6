extension HumanName {
    /// NameUse (required binding).
    public enum Use: String, FHIRValueSetCode {
        case usual
        case official
        case temp
        case nickname
        case anonymous
        case old
        case maiden
    }
}
