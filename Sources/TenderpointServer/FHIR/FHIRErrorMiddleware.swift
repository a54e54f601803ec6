import TenderpointCore
import TenderpointFHIR
import Vapor

/// Turns every error on `/fhir` into an `OperationOutcome` with the matching HTTP status (the
/// global `APIErrorMiddleware` writes the `/api` shape, which FHIR clients cannot read). An
/// unexpected error becomes a 500 whose outcome says nothing about the data.
struct FHIRErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let fhirError = Self.translate(error)
            if fhirError.status == .internalServerError {
                request.logger.error("unhandled error on FHIR \(request.method) \(request.route?.description ?? "unrouted"): \(type(of: error))")
            }
            var headers = fhirError.headers
            if fhirError.status == .unauthorized, !headers.contains(name: .wwwAuthenticate) {
                headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            }
            return FHIRResponse.resource(fhirError.outcome, status: fhirError.status, headers: headers)
        }
    }

    static func translate(_ error: any Error) -> FHIRError {
        switch error {
        case let error as FHIRError:
            return error
        case let error as APIError:
            var translated = FHIRError(error.status, issues: error.items.map { item in
                OperationOutcome.Issue(severity: .error, code: issueType(for: error.status, code: item.code),
                                       details: CodeableConcept(text: item.code), diagnostics: item.message,
                                       expression: item.field.map { [$0] })
            })
            translated.headers = error.headers
            return translated
        case let problems as Problems:
            return translate(APIError(problems.all))
        case let problem as Problem:
            return translate(APIError(problem))
        case let abort as any AbortError:
            var translated = FHIRError(abort.status, issueType(for: abort.status, code: nil), abort.reason)
            translated.headers = abort.headers
            return translated
        default:
            return FHIRError(.internalServerError, .exception, "Something went wrong on the server.")
        }
    }

    /// The IssueType for an HTTP status (and the API's error code, where it says more).
    static func issueType(for status: HTTPResponseStatus, code: String?) -> OperationOutcome.Issue.IssueType {
        switch status {
        case .badRequest: return .invalid
        case .unauthorized: return .login
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .methodNotAllowed, .notAcceptable, .unsupportedMediaType: return .notSupported
        case .gone: return .deleted
        case .conflict: return code == Problem.Code.duplicateIdentifier.rawValue ? .duplicate : .conflict
        case .unprocessableEntity: return .businessRule
        case .tooManyRequests: return .throttled
        case .payloadTooLarge: return .tooLong
        default: return status.code < 500 ? .invalid : .exception
        }
    }
}
