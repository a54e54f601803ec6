extension ContactPoint {
    /// ContactPointUse (required binding).
    public enum Use: String, FHIRValueSetCode {
        case home
        case work
        case temp
        case old
        case mobile
    }
}
