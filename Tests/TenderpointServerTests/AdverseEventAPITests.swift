import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// Adverse events after a session on 2026-06-01.
@Suite struct AdverseEventAPITests {
    typealias F = TreatmentFixture

    static func sessionID(_ app: Application) async throws -> UUID {
        try #require(try await TreatmentSessionModel.query(on: app.db).first()?.id)
    }

    @Test func recordListAndResolve() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, _) = try await F.patientWithFirstSession(app, clinician)
            let session = try await Self.sessionID(app)
            let path = "api/patients/\(patient)/sessions/\(session)/adverse-events"
            let ptosis = try await F.send(app, .POST, path, clinician, json: [
                "kind": "ptosis", "onsetDate": "2026-06-05", "severity": "moderate", "serious": false,
                "description": " left eyelid ",
            ])
            #expect(ptosis.status == .created, "\(ptosis.text)")
            #expect(ptosis.json["urgent"] as? Bool == false)
            #expect(ptosis.json["description"] as? String == "left eyelid")
            #expect(ptosis.json["resolvedOn"] is NSNull)
            #expect(ptosis.json["sessionDate"] as? String == "2026-06-01")

            let spread = try await F.send(app, .POST, path, clinician, json: [
                "kind": "distantSpread", "onsetDate": "2026-06-08", "severity": "severe", "serious": true,
            ])
            #expect(spread.status == .created)
            #expect(spread.json["urgent"] as? Bool == true)
            #expect((spread.json["kindLabel"] as? String)?.contains("diplopia") == true)

            let forSession = try await F.send(app, .GET, path, clinician).decode(Listing<AdverseEventDTO>.self)
            #expect(forSession.items.map(\.kind) == [.distantSpread, .ptosis])  // latest onset first
            let forPatient = try await F.send(app, .GET, "api/patients/\(patient)/adverse-events", clinician)
                .decode(Listing<AdverseEventDTO>.self)
            #expect(forPatient.total == 2)
            #expect(forPatient.items.allSatisfy { $0.sessionId == session && $0.sessionDate?.iso == "2026-06-01" })

            let spreadID = try #require(spread.json["id"] as? String)
            let resolved = try await F.send(app, .PATCH, "\(path)/\(spreadID)", clinician, json: ["resolvedOn": "2026-06-20"])
            #expect(resolved.status == .ok, "\(resolved.text)")
            #expect(resolved.json["resolvedOn"] as? String == "2026-06-20")
            #expect(resolved.json["urgent"] as? Bool == false)
            #expect(resolved.json["severity"] as? String == "severe")

            let early = try await F.send(app, .PATCH, "\(path)/\(spreadID)", clinician, json: ["resolvedOn": "2026-06-07"])
            #expect(early.problems == ["invalid_date@resolvedOn"])

            let audit = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "AdverseEvent")
                .filter(\.$action != "read").sort(\.$at).all()
            #expect(audit.map(\.action) == ["create", "create", "update"])
            #expect(audit.map(\.detail) == ["ptosis", "distantSpread (urgent)", "resolved on 2026-06-20"])
            #expect(audit.allSatisfy { $0.patientID == patient })
        }
    }

    @Test func badInputNamesEveryFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, _) = try await F.patientWithFirstSession(app, clinician)
            let session = try await Self.sessionID(app)
            let path = "api/patients/\(patient)/sessions/\(session)/adverse-events"
            let unknown = try await F.send(app, .POST, path, clinician, json: [
                "kind": "sneezing", "onsetDate": "2026-06-05", "severity": "awful",
            ])
            #expect(unknown.problems == ["unknown_identifier@kind", "unknown_identifier@severity", "invalid_value@serious"])
            let beforeSession = try await F.send(app, .POST, path, clinician, json: [
                "kind": "headache", "onsetDate": "2026-05-31", "severity": "mild", "serious": false, "resolvedOn": "2026-05-30",
            ])
            #expect(beforeSession.problems == ["invalid_date@onsetDate", "invalid_date@resolvedOn"])
            #expect(try await AdverseEventModel.query(on: app.db).count() == 0)

            let other = try await F.patient(app, clinician, family: "Babbage")
            let elsewhere = try await F.send(app, .POST, "api/patients/\(other)/sessions/\(session)/adverse-events", clinician, json: [
                "kind": "headache", "onsetDate": "2026-06-02", "severity": "mild", "serious": false,
            ])
            #expect(elsewhere.status == .notFound)
            #expect(try await AdverseEventModel.query(on: app.db).count() == 0)
        }
    }

    /// A patient's diary report arrives not yet assessed; a clinician assesses it (and cannot set it
    /// back); a clinician's own events are `clinician`, and dysphagia and allergic reactions are urgent too.
    @Test func aPatientsReportIsAssessedByAClinician() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let patient = try await app.signIn(.patient, patientID: patientID)
            let session = try await DiaryAPITests.session(app, patient: patientID, clinician: clinician.userID, daysAgo: 20)
            let entry = try await AlertAPITests.report(app, patientID, patient, ["ptosis"])
            let eventID = try #require(entry.reported?.adverseEventIds.first)
            let path = "api/patients/\(patientID)/sessions/\(session)/adverse-events"
            let reported = try await F.send(app, .GET, "\(path)/\(eventID)", clinician)
            #expect(reported.json["source"] as? String == "patient")
            #expect(reported.json["severity"] as? String == "notYetAssessed")
            #expect(reported.json["diaryEntryId"] as? String == entry.id.uuidString)
            #expect(reported.json["onsetDate"] as? String == entry.date.iso)

            let assessed = try await F.send(app, .PATCH, "\(path)/\(eventID)", clinician, json: ["severity": "moderate"])
            #expect(assessed.status == .ok, "\(assessed.text)")
            #expect(assessed.json["severity"] as? String == "moderate")
            #expect(assessed.json["source"] as? String == "patient")
            let back = try await F.send(app, .PATCH, "\(path)/\(eventID)", clinician, json: ["severity": "notYetAssessed"])
            #expect(back.problems == ["unknown_identifier@severity"])

            let today = CalendarDate(Date(), in: DiaryAPITests.london).iso
            for kind in ["dysphagia", "allergicReaction"] {
                let own = try await F.send(app, .POST, path, clinician, json: [
                    "kind": kind, "onsetDate": today, "severity": "mild", "serious": false,
                ])
                #expect(own.status == .created, "\(own.text)")
                #expect(own.json["urgent"] as? Bool == true)
                #expect(own.json["source"] as? String == "clinician")
                #expect(own.json["diaryEntryId"] is NSNull)
            }
            let notAssessed = try await F.send(app, .POST, path, clinician, json: [
                "kind": "headache", "onsetDate": today, "severity": "notYetAssessed", "serious": false,
            ])
            #expect(notAssessed.problems == ["unknown_identifier@severity"])
            // A clinician's event raises no alert: only the patient's report does.
            #expect(try await AlertModel.query(on: app.db).count() == 0)
        }
    }

    @Test func aPatientReadsTheirOwnEventsOnly() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let reception = try await app.signIn(.reception)
            let (patient, _) = try await F.patientWithFirstSession(app, clinician)
            let own = try await app.signIn(.patient, patientID: patient)
            let session = try await Self.sessionID(app)
            let path = "api/patients/\(patient)/sessions/\(session)/adverse-events"
            let body: [String: Any] = ["kind": "increasedPain", "onsetDate": "2026-06-03", "severity": "mild", "serious": false]
            #expect(try await F.send(app, .POST, path, clinician, json: body).status == .created)
            #expect(try await F.send(app, .GET, "api/patients/\(patient)/adverse-events", own).status == .ok)
            #expect(try await F.send(app, .POST, path, own, json: body).status == .forbidden)
            #expect(try await F.send(app, .GET, path, reception).status == .forbidden)
            let other = try await F.patient(app, clinician, family: "Babbage")
            #expect(try await F.send(app, .GET, "api/patients/\(other)/adverse-events", own).status == .forbidden)
            #expect(try await AdverseEventModel.query(on: app.db).count() == 1)
        }
    }
}
