import Foundation
@testable import TenderpointServer
import Testing
import Vapor
import VaporTesting

/// A known path with a method it does not have is a 405 naming the methods it has in `Allow`
/// (MethodNotAllowedMiddleware); an unknown path and a missing record stay 404s.
@Suite struct MethodNotAllowedTests {
    struct Answer {
        let status: HTTPStatus
        let allow: String?
        let code: String?
        let noStore: Bool
    }

    static func ask(_ app: Application, _ method: HTTPMethod, _ path: String, _ auth: SignedIn? = nil) async throws -> Answer {
        var answer = Answer(status: .ok, allow: nil, code: nil, noStore: false)
        try await app.testing().test(method, path, headers: auth?.headers ?? [:]) { (response: TestingHTTPResponse) in
            let code = (try? response.content.decode(ErrorBody.self))?.error.code
            answer = Answer(status: response.status, allow: response.headers.first(name: .allow), code: code,
                            noStore: response.headers.first(name: .cacheControl) == "no-store")
        }
        return answer
    }

    @Test func aKnownPathWithAnotherMethodIs405ListingItsMethods() async throws {
        try await withTestApp { app, _ in
            let list = try await Self.ask(app, .DELETE, "api/patients")
            #expect(list.status == .methodNotAllowed)
            #expect(list.allow == "GET, POST")
            #expect(list.code == "method_not_allowed")
            #expect(list.noStore)  // the error answer still carries the /api headers

            let health = try await Self.ask(app, .TRACE, "health")
            #expect(health.status == .methodNotAllowed)
            #expect(health.allow == "GET")

            let patient = try await Self.ask(app, .PUT, "api/patients/\(UUID())")
            #expect(patient.status == .methodNotAllowed)
            #expect(patient.allow == "GET, PATCH")
        }
    }

    @Test func aConstantSegmentBeatsAParameterAsTheRouterDoes() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            // PATCH is routed to PATCH /api/vials/:vialID with "recall" as the id; the path is the recall's.
            let recall = try await Self.ask(app, .PATCH, "api/vials/recall", clinician)
            #expect(recall.status == .methodNotAllowed)
            #expect(recall.allow == "GET, POST")
            // GET would be the session read with "check" as its id; the path is the dry run's (POST only).
            let check = try await Self.ask(app, .GET, "api/patients/\(UUID())/sessions/check", clinician)
            #expect(check.status == .methodNotAllowed)
            #expect(check.allow == "POST")
        }
    }

    @Test func unknownPathsAndMissingRecordsStay404() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let unknown = try await Self.ask(app, .GET, "api/nothing-here")
            #expect(unknown.status == .notFound)
            #expect(unknown.allow == nil)
            let tooDeep = try await Self.ask(app, .DELETE, "api/patients/\(UUID())/nothing")
            #expect(tooDeep.status == .notFound)
            let missingVial = try await Self.ask(app, .GET, "api/vials/\(UUID())", clinician)
            #expect(missingVial.status == .notFound)
            #expect(missingVial.code == "not_found")
            #expect(missingVial.allow == nil)
            let missingPatient = try await Self.ask(app, .GET, "api/patients/\(UUID())", clinician)
            #expect(missingPatient.status == .notFound)
            #expect(missingPatient.allow == nil)
            let head = try await Self.ask(app, .HEAD, "health")
            #expect(head.status == .ok)
        }
    }
}
