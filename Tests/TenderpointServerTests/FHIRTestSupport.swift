import Foundation
import NIOHTTP1
import TenderpointFHIR
@testable import TenderpointServer
import Vapor
import VaporTesting

/// A response of the FHIR API: status, headers, and the body as JSON and as this module's types.
struct FHIRReply {
    let status: HTTPStatus
    let headers: HTTPHeaders
    let body: Data

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body read strictly (unknown elements refused) as a FHIR resource.
    func resource() throws -> AnyResource { try FHIRJSON.decode(AnyResource.self, from: body) }

    func bundle() throws -> FHIRBundle {
        guard case .bundle(let bundle) = try resource() else { throw TreatmentFixture.Failure("not a Bundle: \(text.prefix(300))") }
        return bundle
    }

    func outcome() throws -> OperationOutcome {
        guard case .operationOutcome(let outcome) = try resource() else { throw TreatmentFixture.Failure("not an OperationOutcome: \(text.prefix(300))") }
        return outcome
    }

    var contentType: String { headers.first(name: .contentType) ?? "" }
}

extension Application {
    func fhir(_ path: String, _ auth: SignedIn?, headers: HTTPHeaders = [:]) async throws -> FHIRReply {
        try await fhir(.GET, path, auth, headers: headers)
    }

    func fhir(_ method: HTTPMethod, _ path: String, _ auth: SignedIn?, headers: HTTPHeaders = [:]) async throws -> FHIRReply {
        var reply = FHIRReply(status: .ok, headers: [:], body: Data())
        var all = auth?.headers ?? [:]
        for (name, value) in headers { all.add(name: name, value: value) }
        try await testing().test(method, path, headers: all, afterResponse: { (response: TestingHTTPResponse) in
            reply = FHIRReply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        })
        return reply
    }

    /// Every resource of a search, following `next` links from the first page; the links are
    /// taken as relative to the server (the test client has no host).
    func fhirWalk(_ path: String, _ auth: SignedIn) async throws -> (total: Int, pages: Int, ids: [String]) {
        var next: String? = path
        var ids: [String] = []
        var pages = 0
        var total = 0
        while let current = next, pages < 1000 {
            let reply = try await fhir(current, auth)
            guard reply.status == .ok else { throw TreatmentFixture.Failure("\(current): \(reply.status) \(reply.text.prefix(300))") }
            let bundle = try reply.bundle()
            total = bundle.total ?? -1
            ids += (bundle.entry ?? []).compactMap { $0.resource?.id }
            pages += 1
            next = bundle.link?.first { $0.relation == "next" }.map { link in
                let url = link.url
                guard let range = url.range(of: "/fhir/") else { return url }
                return String(url[range.lowerBound...].dropFirst())
            }
        }
        return (total, pages, ids)
    }
}
