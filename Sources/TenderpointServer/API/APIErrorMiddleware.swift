import FluentKit
import TenderpointCore
import Vapor

/// Turns every error into the contract's JSON body. Unexpected errors become a 500 whose body
/// says nothing about the data, and whose log line carries no request body or patient detail.
struct APIErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let apiError = Self.translate(error)
            if apiError.status == .internalServerError {
                request.logger.error("unhandled error on \(request.method) \(request.route?.description ?? "unrouted"): \(type(of: error))")
            }
            let response = Response(status: apiError.status, headers: apiError.headers)
            try response.content.encode(apiError.body, as: .json)
            return response
        }
    }

    static func translate(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let problems as Problems:
            return APIError(problems.all)
        case let problem as Problem:
            return APIError(problem)
        case let decoding as DecodingError:
            return decodingError(decoding)
        case let database as any DatabaseError where database.isConstraintFailure:
            // The database's own unique or foreign-key rule refused a write that raced another
            // (two instances creating one NHS number at once): the check before it lost the race.
            return APIError(.conflict, code: "conflict",
                            message: "This clashes with a record saved at the same moment (a value that must be unique is taken); nothing was saved.")
        case let abort as any AbortError:
            let code: String
            switch abort.status {
            case .notFound: code = "not_found"
            case .unauthorized: code = "unauthenticated"
            case .forbidden: code = "forbidden"
            case .payloadTooLarge: code = "payload_too_large"
            case .unsupportedMediaType: code = "unsupported_media_type"
            case .tooManyRequests: code = "too_many_requests"
            default: code = abort.status.code < 500 ? "bad_request" : "server_error"
            }
            var apiError = APIError(abort.status, code: code, message: abort.reason)
            apiError.headers = abort.headers
            return apiError
        default:
            return APIError(.internalServerError, code: "server_error", message: "Something went wrong on the server; nothing was saved.")
        }
    }

    /// A body that does not decode: 422 naming the field (`injections[0].units`).
    static func decodingError(_ error: DecodingError) -> APIError {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .invalid(field, "\(field) is required.", code: .invalidValue)
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return .invalid(field, "\(field) must not be null.", code: .invalidValue)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return .invalid(field, "\(field.isEmpty ? "The body" : field) has the wrong type (expected \(describe(type))).", code: .invalidValue)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            // A well-formed value that does not fit its field (APIJSONDecoder): 3.5 or 1e19 for a
            // whole number. Only a body that is not JSON at all stays a 400.
            if let value = context.underlyingError as? BodyValueError {
                return APIError(.unprocessableEntity, code: Problem.Code.valueOutOfRange.rawValue,
                                message: "\(field.isEmpty ? "A value in the body" : field) \(value.phrase).",
                                field: field.isEmpty ? nil : field)
            }
            if field.isEmpty {
                return APIError(.badRequest, code: "malformed_json", message: "The body is not valid JSON.")
            }
            return .invalid(field, "\(field): \(context.debugDescription)", code: .invalidValue)
        @unknown default:
            return APIError(.badRequest, code: "bad_request", message: "The body could not be read.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type, is Decimal.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
