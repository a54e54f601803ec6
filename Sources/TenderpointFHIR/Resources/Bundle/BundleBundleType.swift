extension Bundle {
    /// BundleType (required binding).
    public enum BundleType: String, FHIRValueSetCode {
        case document
        case message
        case transaction
        case transactionResponse = "transaction-response"
        case batch
        case batchResponse = "batch-response"
        case history
        case searchset
        case collection
    }
}
