import Vapor

/// A known path asked with a method it does not have is a 405 with an `Allow` header listing the
/// methods it has (RFC 9110 §15.5.6), not a 404: `DELETE /api/patients` says "use GET, POST",
/// while `GET /api/nothing` stays a 404. The path's routes are those that match it most
/// specifically (a constant segment beats a parameter), so `PATCH /api/vials/recall` is a 405
/// (`Allow: GET, POST`) although the router hands it to `PATCH /api/vials/:vialID`, and
/// `GET /api/patients/{id}/sessions/check` is a 405 (`Allow: POST`). A 404 from the handler of
/// one of those routes (no such record) passes through unchanged. Registered inside the error
/// middleware, which writes the contract's JSON body and keeps the header.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .notFound {
            let routes = Self.routes(for: request.url.path, in: request.application.routes.all)
            let asked = request.method == .HEAD ? HTTPMethod.GET : request.method
            if routes.isEmpty || routes.contains(where: { $0.method == asked }) { throw error }
            let allowed = Set(routes.map(\.method.rawValue)).sorted().joined(separator: ", ")
            var refusal = APIError(.methodNotAllowed, code: "method_not_allowed",
                                   message: "\(request.method.rawValue) is not allowed here; use \(allowed).")
            refusal.headers.replaceOrAdd(name: .allow, value: allowed)
            throw refusal
        }
    }

    /// The registered routes that match `path` most specifically: of every route matching it,
    /// those whose segments rank best from left to right (constant, then parameter, then catch-all).
    static func routes(for path: String, in all: [Route]) -> [Route] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var best: [Int]?
        var found: [Route] = []
        for route in all {
            guard let rank = rank(route.path, parts) else { continue }
            if let current = best, current.lexicographicallyPrecedes(rank) { continue }
            if best != rank { found = [] }
            best = rank
            found.append(route)
        }
        return found
    }

    /// How specifically `pattern` matches `parts` (0 constant, 1 parameter, 2 catch-all per
    /// segment), or nil when it does not match.
    static func rank(_ pattern: [PathComponent], _ parts: [String]) -> [Int]? {
        var ranks: [Int] = []
        for component in pattern {
            let index = ranks.count
            switch component {
            case .catchall:
                return index < parts.count ? ranks + [2] : nil
            case .constant(let text):
                guard index < parts.count, parts[index] == text else { return nil }
                ranks.append(0)
            case .parameter, .anything:
                guard index < parts.count else { return nil }
                ranks.append(1)
            }
        }
        return ranks.count == parts.count ? ranks : nil
    }
}
