import Plot
import Vapor

extension HTML {
    /// The page as a response. Pages carry patient data, so nothing is cached; the content
    /// security policy allows only this server's stylesheet and script (no inline script can
    /// run even if some text escaped its escaping).
    func response(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        Self.addSecurityHeaders(to: &headers)
        return Response(status: status, headers: headers, body: .init(string: render()))
    }

    static func addSecurityHeaders(to headers: inout HTTPHeaders) {
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: contentSecurityPolicy)
    }

    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
}

extension Request {
    /// A redirect after a form (303: the browser follows with GET, so reloading does not post again).
    func seeOther(_ location: String) -> Response {
        redirect(to: location, redirectType: .normal)
    }
}
