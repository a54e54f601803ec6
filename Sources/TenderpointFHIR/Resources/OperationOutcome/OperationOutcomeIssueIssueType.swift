extension OperationOutcome.Issue {
    /// IssueType (required binding).
    public enum IssueType: String, FHIRValueSetCode {
        case invalid
        case structure
        case required
        case value
        case invariant
        case security
        case login
        case unknown
        case expired
        case forbidden
        case suppressed
        case processing
        case notSupported = "not-supported"
        case duplicate
        case multipleMatches = "multiple-matches"
        case notFound = "not-found"
        case deleted
        case tooLong = "too-long"
        case codeInvalid = "code-invalid"
        case `extension`
        case tooCostly = "too-costly"
        case businessRule = "business-rule"
        case conflict
        case transient
        case lockError = "lock-error"
        case noStore = "no-store"
        case exception
        case timeout
        case incomplete
        case throttled
        case informational
    }
}
