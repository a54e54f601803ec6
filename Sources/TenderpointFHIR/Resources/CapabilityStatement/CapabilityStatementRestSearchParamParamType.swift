extension CapabilityStatement.Rest.SearchParam {
    /// SearchParamType (required binding).
    public enum ParamType: String, FHIRValueSetCode {
        case number
        case date
        case string
        case token
        case reference
        case composite
        case quantity
        case uri
        case special
    }
}
