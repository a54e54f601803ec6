import TenderpointCore
import Vapor

/// An error the API reports as `{"error":{"code","message","field"},"problems":[…]}`
/// (API-CONTRACT.md). Nothing has been written when one is thrown.
struct APIError: AbortError, Sendable {
    struct Item: Content, Equatable {
        let code: String
        let message: String
        let field: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(field, forKey: .field)  // null, not absent
        }
    }

    let status: HTTPResponseStatus
    let items: [Item]
    var headers: HTTPHeaders = [:]

    var reason: String { items.first?.message ?? status.reasonPhrase }

    init(_ status: HTTPResponseStatus, code: String, message: String, field: String? = nil) {
        self.status = status
        self.items = [Item(code: code, message: message, field: field)]
    }

    init(_ status: HTTPResponseStatus, items: [Item]) {
        self.status = status
        self.items = items
    }

    /// Broken clinical rules: 422 with every problem.
    init(_ problems: [Problem]) {
        self.status = .unprocessableEntity
        self.items = problems.map { Item(code: $0.code.rawValue, message: $0.message, field: $0.field) }
    }

    init(_ problem: Problem) { self.init([problem]) }

    static func notFound(_ what: String, field: String? = nil) -> APIError {
        APIError(.notFound, code: "not_found", message: "\(what) was not found.", field: field)
    }

    static func invalid(_ field: String, _ message: String, code: Problem.Code = .invalidValue) -> APIError {
        APIError(.unprocessableEntity, code: code.rawValue, message: message, field: field)
    }

    static let unauthenticated = APIError(.unauthorized, code: "unauthenticated", message: "Sign in first: send Authorization: Bearer TOKEN.")

    static func forbidden(_ message: String = "Your role may not do this.") -> APIError {
        APIError(.forbidden, code: "forbidden", message: message)
    }

    struct Body: Content {
        let error: Item
        let problems: [Item]?
    }

    var body: Body { Body(error: items.first!, problems: items.count > 1 ? items : nil) }
}
