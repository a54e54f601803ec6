import Fluent
import Foundation
import TenderpointCore
import TenderpointFHIR
@testable import TenderpointServer
import Testing
import VaporTesting

/// Every error on /fhir is an OperationOutcome with the right status.
@Suite struct FHIRErrorTests {
    @Test func withoutATokenTheAnswerIs401WithAnOutcome() async throws {
        try await withTestApp { app, _ in
            let reply = try await app.fhir("fhir/Patient", nil)
            #expect(reply.status == .unauthorized)
            #expect(reply.contentType.hasPrefix("application/fhir+json"))
            #expect(reply.headers.first(name: .wwwAuthenticate) == "Bearer")
            let outcome = try reply.outcome()
            #expect(outcome.issue.map(\.code) == [.login])
            #expect(outcome.issue.first?.severity == .error)
        }
    }

    @Test func everyUnknownSearchParameterIsReportedNotIgnored() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let reply = try await app.fhir("fhir/Patient?name=ada&gender=female&_sort=name", clinician)
            #expect(reply.status == .badRequest)
            let outcome = try reply.outcome()
            #expect(outcome.issue.map(\.expression) == [["gender"], ["_sort"]])
            #expect(outcome.issue.map(\.code) == [.notSupported, .notSupported])
            #expect(outcome.issue.first?.diagnostics?.contains("name, identifier, birthdate") == true)
        }
    }

    @Test func malformedValuesAndModifiersAre400NamingTheParameter() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let cases: [(String, String)] = [
                ("fhir/Observation?date=ge2024-13-01", "date"),
                ("fhir/Observation?date=sa2024-01-01", "date"),
                ("fhir/Observation?date=2024-05-01T10:00:00", "date"),  // a time needs a zone
                ("fhir/Patient?birthdate=1970-01-01T00:00:00Z", "birthdate"),
                ("fhir/Patient?name:fuzzy=ada", "name:fuzzy"),
                ("fhir/Patient?_count=-1", "_count"),
                ("fhir/Patient?_format=xml", "_format"),
                ("fhir/Observation?patient=Practitioner/1", "patient"),
                ("fhir/Appointment?status=done", "status"),
            ]
            for (path, parameter) in cases {
                let reply = try await app.fhir(path, clinician)
                #expect(reply.status == .badRequest, "\(path)")
                #expect(try reply.outcome().issue.first?.expression == [parameter], "\(path): \(reply.text)")
            }
        }
    }

    @Test func unknownTypesIdsAndMethodsAre404And405() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let type = try await app.fhir("fhir/Encounter", clinician)
            #expect(type.status == .notFound)
            #expect(try type.outcome().issue.first?.code == .notSupported)

            let id = try await app.fhir("fhir/Patient/\(UUID().uuidString)", clinician)
            #expect(id.status == .notFound)
            #expect(try id.outcome().issue.first?.code == .notFound)

            let malformed = try await app.fhir("fhir/Observation/not_a_valid_id", clinician)
            #expect(malformed.status == .notFound)

            let deeper = try await app.fhir("fhir/Patient/1/_history", clinician)
            #expect(deeper.status == .notFound)
            #expect(try deeper.outcome().issue.first?.code == .notFound)

            let post = try await app.fhir(.POST, "fhir/Patient", clinician)
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers.first(name: .allow) == "GET")
            #expect(try post.outcome().issue.first?.code == .notSupported)
        }
    }

    @Test func aRoleWithoutAccessGets403AndTheRefusalIsAudited() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let reception = try await app.signIn(.reception)
            let patient = try await app.recordsPatient(clinician)
            let reply = try await app.fhir("fhir/Observation?patient=\(patient)", reception)
            #expect(reply.status == .forbidden)
            #expect(try reply.outcome().issue.first?.code == .forbidden)
            await app.flushAudit()
            let denied = try await AuditEventModel.query(on: app.db).filter(\.$userID == reception.userID).filter(\.$action == "denied").all()
            #expect(denied.map(\.resourceType) == ["Observation"])
        }
    }

    @Test func clinicalRuleProblemsBecome422BusinessRuleOutcomes() {
        let error = FHIRErrorMiddleware.translate(Problems([
            Problem(.intervalTooShort, "Too early.", field: "date"),
            Problem(.doseLimitExceeded, "Over the limit.", field: "injections[0].units"),
        ]))
        #expect(error.status == .unprocessableEntity)
        #expect(error.issues.map(\.code) == [.businessRule, .businessRule])
        #expect(error.issues.map(\.expression) == [["date"], ["injections[0].units"]])
        #expect(error.issues.map(\.details?.text) == ["interval_too_short", "dose_limit_exceeded"])
        #expect(FHIRErrorMiddleware.translate(Abort(.gone)).issues.first?.code == .deleted)
    }
}
