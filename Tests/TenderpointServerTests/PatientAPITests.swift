import Fluent
import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

@Suite struct PatientAPITests {
    static let ada: [String: String] = ["givenName": "Ada", "familyName": "Lovelace", "birthDate": "1975-12-10", "sex": "female",
                                        "nhsNumber": "943 476 5919"]

    func create(_ app: Application, _ auth: SignedIn, _ body: [String: String]) async throws -> (HTTPStatus, PatientDTO?, ErrorBody?) {
        var result: (HTTPStatus, PatientDTO?, ErrorBody?) = (.ok, nil, nil)
        try await app.testing().test(.POST, "api/patients", headers: auth.headers, beforeRequest: { request in
            try request.content.encode(body)
        }, afterResponse: { response in
            result.0 = response.status
            if response.status == .created { result.1 = try response.content.decode(PatientDTO.self) }
            else { result.2 = try response.content.decode(ErrorBody.self) }
        })
        return result
    }

    @Test func receptionCreatesReadsAndFindsAPatient() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let (status, created, _) = try await create(app, reception, Self.ada)
            #expect(status == .created)
            let patient = try #require(created)
            #expect(patient.nhsNumber == "9434765919")
            #expect(patient.birthDate.iso == "1975-12-10")

            try await app.testing().test(.GET, "api/patients/\(patient.id)", headers: reception.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .ok)
                let decoded = try response.content.decode(PatientDTO.self)
                #expect(decoded.familyName == "Lovelace")
            }
            for query in ["name=lovelace", "name=ADA%20love", "identifier=943-476-5919", "birthDate=1975-12-10"] {
                try await app.testing().test(.GET, "api/patients?\(query)", headers: reception.headers) { (response: TestingHTTPResponse) in
                    let page = try response.content.decode(Listing<PatientDTO>.self)
                    #expect(page.total == 1, "search \(query)")
                    #expect(page.items.first?.id == patient.id)
                }
            }
            try await app.testing().test(.GET, "api/patients?name=babbage", headers: reception.headers) { (response: TestingHTTPResponse) in
                let decoded = try response.content.decode(Listing<PatientDTO>.self)
                #expect(decoded.total == 0)
            }
        }
    }

    @Test func badInputNamesEveryFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (status, _, error) = try await create(app, clinician, ["givenName": " ", "familyName": "X", "birthDate": "2199-01-01",
                                                                       "sex": "robot", "nhsNumber": "9434765918"])
            #expect(status == .unprocessableEntity)
            let fields = try #require(error).all.compactMap(\.field)
            #expect(fields == ["givenName", "birthDate", "sex", "nhsNumber"])
            #expect(try await PatientModel.query(on: app.db).count() == 0)
        }
    }

    /// Search text is literal: `%`, `_` and `\` match themselves, on SQLite and PostgreSQL.
    @Test func searchTextIsLiteral() async throws { try await searchTextIsLiteral(postgres: false) }

    @Test(.enabled(if: TestDatabase.postgresURL != nil)) func searchTextIsLiteralOnPostgreSQL() async throws {
        try await searchTextIsLiteral(postgres: true)
    }

    func searchTextIsLiteral(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            let reception = try await app.signIn(.reception)
            for family in ["Fifty%", "Fifty5", "O_Neil", "OxNeil", "Back\\slash", "Backslash"] {
                _ = try await app.recordsPatient(reception, family: family)
            }
            func names(_ query: String) async throws -> [String] {
                let page = try await app.records(.GET, "api/patients?name=\(query)", reception).decode(Listing<PatientDTO>.self)
                return page.items.map(\.familyName).sorted()
            }
            #expect(try await names("fifty%25") == ["Fifty%"])
            #expect(try await names("%25") == ["Fifty%"])
            #expect(try await names("o_n") == ["O_Neil"])
            #expect(try await names("_") == ["O_Neil"])
            #expect(try await names("%5C") == ["Back\\slash"])
            #expect(try await names("back%5Cs") == ["Back\\slash"])
            #expect(try await names("back") == ["Back\\slash", "Backslash"])
        }
    }

    /// Birth dates from 1900-01-01 to today, both included (the core's rule).
    @Test func birthDatesFrom1900ToToday() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let today = app.recordsToday
            for (birthDate, accepted) in [("1900-01-01", true), ("1899-12-31", false), (today.iso, true),
                                          (today.adding(days: 1).iso, false), ("0001-01-01", false)] {
                var body = Self.ada
                body["nhsNumber"] = nil
                body["birthDate"] = birthDate
                let (status, _, error) = try await create(app, clinician, body)
                #expect((status == .created) == accepted, "\(birthDate)")
                if !accepted { #expect(error?.all.map(\.field) == ["birthDate"]) }
            }
        }
    }

    /// `limit` 1–500 and `offset` 0–1,000,000; outside, a 422 naming the field, both at once.
    @Test func pagingOutOfRangeIsRefusedNamingTheField() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            _ = try await app.recordsPatient(reception)
            let widest = try await app.records(.GET, "api/patients?limit=500&offset=0", reception).decode(Listing<PatientDTO>.self)
            #expect(widest.limit == 500)
            #expect(widest.total == 1)
            let both = try await app.records(.GET, "api/patients?limit=501&offset=9223372036854775807", reception)
            #expect(both.status == .unprocessableEntity)
            #expect(both.fields == ["limit", "offset"])
            #expect(try await app.records(.GET, "api/patients?offset=1000000", reception).status == .ok)
            #expect(try await app.records(.GET, "api/patients?offset=1000001", reception).fields == ["offset"])
            #expect(try await app.records(.GET, "api/patients?limit=0", reception).fields == ["limit"])
        }
    }

    @Test func aDuplicateNHSNumberIsAConflict() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            _ = try await create(app, clinician, Self.ada)
            var second = Self.ada
            second["givenName"] = "Augusta"
            let (status, _, error) = try await create(app, clinician, second)
            #expect(status == .conflict)
            #expect(error?.error.code == "duplicate_identifier")
            #expect(error?.error.field == "nhsNumber")
            #expect(try await PatientModel.query(on: app.db).count() == 1)
        }
    }

    @Test func aPatientSeesOnlyTheirOwnRecordAndTheRefusalIsAudited() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try #require(try await create(app, clinician, Self.ada).1)
            let other = try #require(try await create(app, clinician, ["givenName": "Charles", "familyName": "Babbage",
                                                                       "birthDate": "1971-12-26", "sex": "male"]).1)
            let patient = try await app.signIn(.patient, patientID: own.id)
            try await app.testing().test(.GET, "api/patients/\(own.id)", headers: patient.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "api/patients/\(other.id)", headers: patient.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .forbidden)
                let decoded = try response.content.decode(ErrorBody.self)
                #expect(decoded.error.code == "forbidden")
            }
            try await app.testing().test(.GET, "api/patients?name=babbage", headers: patient.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .forbidden)
            }
            await app.flushAudit()
            let denied = try await AuditEventModel.query(on: app.db).filter(\.$outcome == "denied").all()
            #expect(denied.contains { $0.patientID == other.id && $0.userID == patient.userID })
        }
    }

    @Test func everyReadAndWriteLeavesAnAuditRecord() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try #require(try await create(app, clinician, Self.ada).1)
            try await app.testing().test(.GET, "api/patients/\(patient.id)", headers: clinician.headers) { _ in }
            try await app.testing().test(.PATCH, "api/patients/\(patient.id)", headers: clinician.headers, beforeRequest: { request in
                try request.content.encode(["phone": "07700 900123"])
            }, afterResponse: { response in
                #expect(response.status == .ok)
                let decoded = try response.content.decode(PatientDTO.self)
                #expect(decoded.phone == "07700 900123")
            })
            await app.flushAudit()
            let events = try await AuditEventModel.query(on: app.db).filter(\.$patientID == patient.id).sort(\.$at).all()
            #expect(events.map(\.action) == ["create", "read", "update"])
            #expect(events.allSatisfy { $0.userID == clinician.userID && $0.role == "clinician" && $0.outcome == "success" })
        }
    }

    @Test func theAuditTrailIsAppendOnly() async throws {
        try await withTestApp { app, _ in
            _ = try await app.signIn(.admin)
            await app.flushAudit()
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_events SET outcome = 'x'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_events").run() }
            #expect(try await AuditEventModel.query(on: app.db).count() == 1)
        }
    }

    @Test func withoutATokenTheAPIAnswers401() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "api/patients") { (response: TestingHTTPResponse) in
                #expect(response.status == .unauthorized)
                let decoded = try response.content.decode(ErrorBody.self)
                #expect(decoded.error.code == "unauthenticated")
            }
            try await app.testing().test(.GET, "api/patients", headers: ["Authorization": "Bearer not-a-token"]) { (response: TestingHTTPResponse) in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
