import Plot
import TenderpointCore
import Vapor

/// Turns errors on the web pages into pages rather than the API's JSON: not signed in → the
/// sign-in page (coming back afterwards), a refusal → a 403 page, anything unexpected → a 500
/// page that shows nothing of the data and logs only the error's type.
struct WebErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let apiError = APIErrorMiddleware.translate(error)
            if apiError.status == .unauthorized, request.auth.get(AuthenticatedUser.self) == nil {
                return request.seeOther(LoginController.loginPath(returningTo: request.method == .GET ? request.url.string : nil))
            }
            if apiError.status == .internalServerError {
                request.logger.error("unhandled error on web \(request.method) \(request.route?.description ?? "unrouted"): \(type(of: error))")
            }
            let model = ErrorPage.Model(status: apiError.status, title: Self.title(apiError.status), message: apiError.reason)
            let response = ErrorPage.View.render(model, context: request.pageContext).response(status: apiError.status)
            for (name, value) in apiError.headers where name.lowercased() == "retry-after" {
                response.headers.replaceOrAdd(name: name, value: value)
            }
            return response
        }
    }

    static func title(_ status: HTTPResponseStatus) -> String {
        switch status {
        case .forbidden: "Not allowed"
        case .notFound: "Not found"
        case .unauthorized: "Please sign in"
        case .tooManyRequests: "Too many attempts"
        case .payloadTooLarge: "Too much at once"
        default: status.code >= 500 ? "Something went wrong" : "That did not work"
        }
    }
}
