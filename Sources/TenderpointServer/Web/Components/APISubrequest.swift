import Foundation
import Vapor

extension Request {
    /// Runs a REST handler for a web form: the form's data goes to the handler as the JSON body
    /// the API documents, with the signed-in user and the path parameters. So a page's write is
    /// the API's write — the same checks, the same core rules, the same transaction and audit
    /// record — and its refusals (`Problems`, `APIError`) come back naming their fields, which
    /// the page shows beside the fields.
    func callAPI<Body: Encodable, Result>(_ method: HTTPMethod = .POST, path: String, json body: Body,
                                          parameters: [String: String] = [:],
                                          _ handler: (Request) async throws -> Result) async throws -> Result {
        var headers = HTTPHeaders()
        var buffer = byteBufferAllocator.buffer(capacity: 512)
        try ContentConfiguration.global.requireEncoder(for: .json).encode(body, to: &buffer, headers: &headers)
        headers.contentType = .json
        let subrequest = Request(application: application, method: method, url: URI(path: path), headers: headers,
                                 collectedBody: buffer, remoteAddress: remoteAddress, logger: logger, on: eventLoop)
        for (name, value) in parameters { subrequest.parameters.set(name, to: value) }
        if let user = auth.get(AuthenticatedUser.self) { subrequest.auth.login(user) }
        return try await handler(subrequest)
    }
}
