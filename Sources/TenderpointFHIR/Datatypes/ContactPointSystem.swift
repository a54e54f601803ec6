extension ContactPoint {
    /// ContactPointSystem (required binding).
    public enum System: String, FHIRValueSetCode {
        case phone
        case fax
        case email
        case pager
        case url
        case sms
        case other
    }
}
