extension Address {
    /// AddressType (required binding).
    public enum AddressType: String, FHIRValueSetCode {
        case postal
        case physical
        case both
    }
}
