extension OperationOutcome {
    /// One error, warning or note.
    public struct Issue: Codable, Hashable, Sendable {
        public var severity: OperationOutcome.Issue.Severity
        public var code: OperationOutcome.Issue.IssueType
        public var details: CodeableConcept?
        public var diagnostics: String?
        /// Deprecated in R4: prefer `expression`.
        public var location: [String]?
        /// FHIRPath of the element concerned, such as `Patient.birthDate`.
        public var expression: [String]?

        public init(
            severity: OperationOutcome.Issue.Severity,
            code: OperationOutcome.Issue.IssueType,
            details: CodeableConcept? = nil,
            diagnostics: String? = nil,
            location: [String]? = nil,
            expression: [String]? = nil
        ) {
            self.severity = severity
            self.code = code
            self.details = details
            self.diagnostics = diagnostics
            self.location = location
            self.expression = expression
        }
    }
}
