import Fluent
import Foundation
import TenderpointCore
import TenderpointFHIR
@testable import TenderpointServer
import Testing
import VaporTesting

/// Bulk Data export, end to end through the routes: kick-off, polling, manifest, files, cancel.
@Suite struct FHIRExportTests {
    static let async: HTTPHeaders = ["Prefer": "respond-async", "Accept": "application/fhir+json"]

    /// Polls a status URL until it stops answering 202 (at most 30 s).
    static func finish(_ app: Application, _ status: String, _ auth: SignedIn) async throws -> FHIRReply {
        for _ in 0..<300 {
            let reply = try await app.fhir(status, auth)
            guard reply.status == .accepted else { return reply }
            #expect(reply.headers.first(name: "X-Progress") != nil)
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TreatmentFixture.Failure("the export did not finish")
    }

    static func relative(_ url: String) -> String {
        url.range(of: "/fhir/").map { String(url[$0.lowerBound...].dropFirst()) } ?? url
    }

    @Test func anExportWritesEveryResourceOnceAsNDJSON() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let first = try await FHIRObservationTests.record(app, clinician)
            let (second, _) = try await TreatmentFixture.patientWithFirstSession(app, clinician)

            let refused = try await app.fhir("fhir/$export", clinician)
            #expect(refused.status == .badRequest)
            #expect(try await app.fhir("fhir/$export?_since=2026-01-01T00:00:00Z", clinician, headers: Self.async).status == .badRequest)
            #expect(try await app.fhir("fhir/$export?_type=Encounter", clinician, headers: Self.async).status == .badRequest)
            #expect(try await app.fhir("fhir/$export", try await app.signIn(.nurse), headers: Self.async).status == .forbidden)

            let kickOff = try await app.fhir("fhir/$export", clinician, headers: Self.async)
            #expect(kickOff.status == .accepted)
            let location = try #require(kickOff.headers.first(name: .contentLocation))
            #expect(location.contains("/fhir/$export-status/"))
            let done = try await Self.finish(app, Self.relative(location), clinician)
            #expect(done.status == .ok)
            let manifest = try JSONDecoder().decode(FHIRExportManifest.self, from: done.body)
            #expect(manifest.requiresAccessToken)
            #expect(manifest.error.isEmpty)
            let counts = Dictionary(uniqueKeysWithValues: manifest.output.map { ($0.type, $0.count) })
            // Two patients; 28 Observations of the first; 2 injections of the second; the
            // questionnaires; the clinician and the nurse who signed in are the practitioners.
            #expect(counts["Patient"] == 2)
            #expect(counts["Observation"] == 28)
            #expect(counts["QuestionnaireResponse"] == 2)
            #expect(counts["Procedure"] == 1)
            #expect(counts["MedicationAdministration"] == 2)
            #expect(counts["Consent"] == 1)
            #expect(counts["Appointment"] == 3)
            #expect(counts["Questionnaire"] == 2)
            #expect(counts["Practitioner"] == 2)
            #expect(counts["AuditEvent"] == nil)

            var seen: Set<String> = []
            for output in manifest.output {
                let file = try await app.fhir(Self.relative(output.url), clinician)
                #expect(file.status == .ok)
                #expect(file.contentType.hasPrefix("application/fhir+ndjson"))
                let lines = file.text.split(separator: "\n")
                #expect(lines.count == output.count)
                for line in lines {
                    let resource = try FHIRJSON.decode(AnyResource.self, from: String(line))
                    #expect(resource.resourceType.rawValue == output.type)
                    #expect(seen.insert("\(output.type)/\(resource.id ?? "")").inserted)
                }
            }
            #expect(seen.contains("Patient/\(first.patient.uuidString)"))
            #expect(seen.contains("Patient/\(second.uuidString)"))

            // Every patient exported is on their audit trail.
            await app.flushAudit()
            let exported = try await AuditEventModel.query(on: app.db).filter(\.$action == "export").filter(\.$resourceType == "Patient").all()
            #expect(Set(exported.compactMap(\.patientID)) == [first.patient, second])

            // Another user cannot see it; deleting it removes the files.
            let other = try await app.signIn(.clinician)
            #expect(try await app.fhir(Self.relative(location), other).status == .notFound)
            #expect(try await app.fhir(.DELETE, Self.relative(location), clinician).status == .accepted)
            #expect(try await app.fhir(Self.relative(location), clinician).status == .notFound)
            let gone = try await app.fhir(Self.relative(manifest.output[0].url), clinician)
            #expect(gone.status == .gone)
            #expect(try gone.outcome().issue.first?.code == .deleted)
        }
    }

    @Test func aPatientLevelExportCanBeLimitedToSomeTypes() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            _ = try await FHIRObservationTests.record(app, clinician)
            // "$" percent-encoded, as some clients send it.
            let kickOff = try await app.fhir("fhir/Patient/%24export?_type=Patient,Observation&_outputFormat=application/fhir%2Bndjson",
                                             clinician, headers: Self.async)
            #expect(kickOff.status == .accepted, "\(kickOff.text)")
            let location = try #require(kickOff.headers.first(name: .contentLocation))
            let manifest = try JSONDecoder().decode(FHIRExportManifest.self, from: try await Self.finish(app, Self.relative(location), clinician).body)
            #expect(manifest.output.map(\.type) == ["Patient", "Observation"])
            #expect(manifest.output.map(\.count) == [1, 28])
            #expect(try await app.fhir("fhir/Patient/$export?_type=Practitioner", clinician, headers: Self.async).status == .badRequest)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func searchesAndExportRunOnPostgreSQL() async throws {
        try await withTestApp(postgres: true) { app, _ in
            let clinician = try await app.signIn(.clinician)
            let record = try await FHIRObservationTests.record(app, clinician)
            let search = try await app.fhir("fhir/Observation?patient=\(record.patient)&code=72514-3&date=ge2026-03-10&date=le2026-04-15", clinician)
            #expect(search.status == .ok, "\(search.text.prefix(300))")
            #expect(try search.bundle().total == 2)
            let walk = try await app.fhirWalk("fhir/Observation?patient=\(record.patient)&_count=7", clinician)
            #expect(Set(walk.ids).count == 28)
            #expect(try await app.fhir("fhir/QuestionnaireResponse?patient=\(record.patient)", clinician).bundle().total == 2)
            #expect(try await app.fhir("fhir/Patient?name=ada&birthdate=1975", clinician).bundle().total == 1)
            let kickOff = try await app.fhir("fhir/$export", clinician, headers: Self.async)
            let location = try #require(kickOff.headers.first(name: .contentLocation))
            let manifest = try JSONDecoder().decode(FHIRExportManifest.self, from: try await Self.finish(app, Self.relative(location), clinician).body)
            #expect(manifest.output.first { $0.type == "Observation" }?.count == 28)
        }
    }
}
