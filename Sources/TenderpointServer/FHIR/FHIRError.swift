import TenderpointFHIR
import Vapor

/// An error the FHIR API answers with an `OperationOutcome` and its HTTP status: every issue is
/// reported (all unknown search parameters of a request at once, not only the first).
struct FHIRError: AbortError, Sendable {
    let status: HTTPResponseStatus
    let issues: [OperationOutcome.Issue]
    var headers: HTTPHeaders = [:]

    var reason: String { issues.first?.diagnostics ?? status.reasonPhrase }

    init(_ status: HTTPResponseStatus, _ code: OperationOutcome.Issue.IssueType, _ diagnostics: String, expression: String? = nil) {
        self.status = status
        self.issues = [OperationOutcome.Issue(severity: .error, code: code, diagnostics: diagnostics,
                                              expression: expression.map { [$0] })]
    }

    init(_ status: HTTPResponseStatus, issues: [OperationOutcome.Issue]) {
        self.status = status
        self.issues = issues
    }

    var outcome: OperationOutcome { OperationOutcome(issue: issues) }

    static func notFound(_ type: FHIRResourceType, _ id: String) -> FHIRError {
        FHIRError(.notFound, .notFound, "\(type.rawValue)/\(id) is not known.")
    }

    static func invalidParameter(_ name: String, _ message: String) -> FHIRError {
        FHIRError(.badRequest, .invalid, message, expression: name)
    }
}
