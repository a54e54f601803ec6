import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct AuditTrailAPITests {
    @Test func anAdminSeesWhoTouchedARecordNewestFirstOnSQLite() async throws {
        try await anAdminSeesWhoTouchedARecordNewestFirst(postgres: false)
    }

    /// The trail's raw SQL (counts, instants, ordering) on the other database.
    @Test(.enabled(if: TestDatabase.postgresURL != nil)) func anAdminSeesWhoTouchedARecordNewestFirstOnPostgreSQL() async throws {
        try await anAdminSeesWhoTouchedARecordNewestFirst(postgres: true)
    }

    func anAdminSeesWhoTouchedARecordNewestFirst(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            let reception = try await app.signIn(.reception, username: "rita")
            let patientID = try await app.recordsPatient(reception)
            let clinician = try await app.signIn(.clinician, username: "dr.jones")
            _ = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician, json: ["painNRS": 6])
            _ = try await app.records(.GET, "api/patients/\(patientID)/timeline", clinician)
            _ = try await app.records(.GET, "api/patients/\(patientID)/timeline", reception)  // refused, and recorded

            let admin = try await app.signIn(.admin, username: "alice")
            // No flush here: the trail flushes the buffered reads itself.
            let response = try await app.records(.GET, "api/patients/\(patientID)/audit", admin)
            #expect(response.status == .ok)
            let trail = try response.decode(Listing<AuditTrailEntryDTO>.self)
            #expect(trail.items.map(\.action) == ["denied", "read", "create", "create"])
            #expect(trail.items.map(\.username) == ["rita", "dr.jones", "dr.jones", "rita"])
            #expect(trail.items.map(\.resourceType) == ["Timeline", "Timeline", "Assessment", "Patient"])
            #expect(trail.items.map(\.outcome) == ["denied", "success", "success", "success"])
            #expect(trail.items.last?.role == "reception")
            #expect(trail.items.last?.resourceID == patientID.uuidString)

            // Reading the trail is itself on the trail.
            let again = try await app.records(.GET, "api/patients/\(patientID)/audit?limit=2", admin)
            let page = try again.decode(Listing<AuditTrailEntryDTO>.self)
            #expect(page.total == 5)
            #expect(page.items.count == 2)
            #expect(page.items.first?.resourceType == "AuditTrail")
            #expect(page.items.first?.username == "alice")

            // Six entries by now (both trail reads included): the sixth is the oldest.
            let oldest = try await app.records(.GET, "api/patients/\(patientID)/audit?limit=2&offset=5", admin)
            #expect(try oldest.decode(Listing<AuditTrailEntryDTO>.self).items.map(\.resourceType) == ["Patient"])

            // Out of range is refused naming the field, not clamped (API-CONTRACT.md).
            #expect(try await app.records(.GET, "api/patients/\(patientID)/audit?limit=500", admin).status == .ok)
            #expect(try await app.records(.GET, "api/patients/\(patientID)/audit?limit=501", admin).fields == ["limit"])
            #expect(try await app.records(.GET, "api/patients/\(patientID)/audit?offset=-1", admin).fields == ["offset"])
        }
    }

    @Test func aPatientSeesWhoSawTheirOwnRecordOnly() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try await app.recordsPatient(clinician)
            let other = try await app.recordsPatient(clinician, given: "Charles", family: "Babbage")
            let patient = try await app.signIn(.patient, patientID: own)
            let mine = try await app.records(.GET, "api/patients/\(own)/audit", patient)
            #expect(mine.status == .ok)
            let entries = try mine.decode(Listing<AuditTrailEntryDTO>.self).items
            #expect(entries.allSatisfy { $0.resourceType == "Patient" })  // nothing about the other patient
            #expect(entries.count == 1)
            let body = try mine.object()
            let first = try #require((body["items"] as? [[String: Any]])?.first)
            #expect(Set(first.keys).isSuperset(of: ["at", "username", "role", "action", "resourceType", "resourceID", "outcome"]))

            #expect(try await app.records(.GET, "api/patients/\(other)/audit", patient).status == .forbidden)
            #expect(try await app.records(.GET, "api/patients/\(own)/audit", clinician).status == .forbidden)
            let reception = try await app.signIn(.reception)
            #expect(try await app.records(.GET, "api/patients/\(own)/audit", reception).status == .forbidden)
            let admin = try await app.signIn(.admin)
            #expect(try await app.records(.GET, "api/patients/\(UUID())/audit", admin).status == .notFound)
        }
    }
}
