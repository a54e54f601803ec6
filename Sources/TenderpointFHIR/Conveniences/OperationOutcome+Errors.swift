extension OperationOutcome {
    /// An outcome with one issue of severity `error`.
    public init(error code: OperationOutcome.Issue.IssueType, diagnostics: String, expression: [String]? = nil) {
        self.init(issue: [OperationOutcome.Issue(severity: .error, code: code, diagnostics: diagnostics, expression: expression)])
    }

    /// The outcome for FHIR JSON that could not be read, its location as the issue's expression.
    public init(_ error: FHIRJSONError) {
        let code: OperationOutcome.Issue.IssueType
        switch error.kind {
        case .syntax, .typeMismatch, .unknownElement: code = .structure
        case .unknownResourceType: code = .notSupported
        case .resourceTypeMismatch, .invalidValue: code = .value
        case .missingElement: code = .required
        case .unencodable: code = .exception
        }
        self.init(error: code, diagnostics: error.message, expression: error.path.map { [$0] })
    }
}
