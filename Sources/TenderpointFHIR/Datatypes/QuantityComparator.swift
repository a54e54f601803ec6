extension Quantity {
    /// QuantityComparator (required binding): how to read the value.
    public enum Comparator: String, FHIRValueSetCode {
        case lessThan = "<"
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case greaterThan = ">"
    }
}
