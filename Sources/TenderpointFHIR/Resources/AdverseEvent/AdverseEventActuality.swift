extension AdverseEvent {
    /// AdverseEventActuality (required binding).
    public enum Actuality: String, FHIRValueSetCode {
        case actual
        case potential
    }
}
