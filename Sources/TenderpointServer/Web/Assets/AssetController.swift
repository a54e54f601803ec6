import Crypto
import Foundation
import Vapor

/// Serves the one stylesheet and the one script from strings compiled into the binary, so the
/// server needs no `Public/` directory beside it (it runs from any working directory, and every
/// instance serves the same files). The path carries a digest of the content, so browsers may
/// cache them for a year and still get a changed file at once.
struct AssetController: RouteCollection {
    static let stylesheetPath = "/assets/app-\(digest(Stylesheet.text)).css"
    static let scriptPath = "/assets/app-\(digest(Script.text)).js"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", ":file", use: asset)
    }

    @Sendable
    func asset(request: Request) async throws -> Response {
        let path = request.url.path
        let (body, type): (String, HTTPMediaType)
        switch path {
        case Self.stylesheetPath: (body, type) = (Stylesheet.text, .css)
        case Self.scriptPath: (body, type) = (Script.text, Self.javascript)
        default: throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    static let javascript = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])

    private static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
