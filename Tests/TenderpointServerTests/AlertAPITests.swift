import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import VaporTesting

/// Urgent patient reports: the diary raises them, `GET /api/alerts` lists them, clinicians and
/// nurses acknowledge them.
@Suite struct AlertAPITests {
    static func report(_ app: Application, _ patientID: UUID, _ auth: SignedIn, _ effects: [String]) async throws -> DiaryEntryDTO {
        let reply = try await app.records(.POST, "api/patients/\(patientID)/diary", auth,
                                          json: ["recordedAt": JSONCoding.formatInstant(Date()), "painNRS": 6, "sideEffects": effects])
        #expect(reply.status == .created)
        return try reply.decode(DiaryEntryDTO.self)
    }

    @Test func anUrgentReportRaisesAnAlertTheClinicAcknowledges() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let nurse = try await app.signIn(.nurse)
            let patientID = try await app.recordsPatient(clinician)
            let patient = try await app.signIn(.patient, patientID: patientID)
            let session = try await DiaryAPITests.session(app, patient: patientID, clinician: clinician.userID, daysAgo: 9)

            // "Distant spread" with trouble breathing: an event of the session, an alert, and advice at once.
            let entry = try await Self.report(app, patientID, patient, ["distantSpread", "headache"])
            let reported = try #require(entry.reported)
            #expect(reported.urgent == [.distantSpread])
            #expect(reported.advice?.contains("999") == true)
            #expect(reported.adverseEventIds.count == 2)
            #expect(reported.alertIds.count == 1)
            let spread = try #require(try await AdverseEventModel.query(on: app.db).filter(\.$kind == "distantSpread").first())
            #expect(spread.$session.id == session)

            // Reported again while the alert is open: no second alert, no second event; the patient is told again.
            let again = try await Self.report(app, patientID, patient, ["distantSpread"])
            #expect(again.reported?.alertIds == [])
            #expect(again.reported?.adverseEventIds == [])
            #expect(again.reported?.urgent == [.distantSpread])

            let listed = try await app.records(.GET, "api/alerts", nurse)
            #expect(listed.status == .ok)
            let page = try listed.decode(Listing<AlertDTO>.self)
            #expect(page.total == 1)
            let alert = try #require(page.items.first)
            #expect(alert.patientId == patientID)
            #expect(alert.kind == .distantSpread)
            #expect(alert.adverseEventId == spread.id)
            #expect(alert.diaryEntryId == entry.id)
            #expect(!alert.acknowledged)
            let rawItem = try #require((try listed.object()["items"] as? [[String: Any]])?.first)
            #expect(rawItem["acknowledgedAt"] is NSNull)
            #expect(rawItem["raisedAt"] is String)

            let tooLong = try await app.records(.POST, "api/alerts/\(alert.id)/acknowledge", nurse,
                                                json: ["note": String(repeating: "x", count: 2001)])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.fields == ["note"])
            let acknowledged = try await app.records(.POST, "api/alerts/\(alert.id)/acknowledge", nurse,
                                                     json: ["note": " phoned, seen in A&E "])
            #expect(acknowledged.status == .ok)
            let done = try acknowledged.decode(AlertDTO.self)
            #expect(done.acknowledged)
            #expect(done.acknowledgedBy?.id == nurse.userID)
            #expect(done.note == "phoned, seen in A&E")
            let twice = try await app.records(.POST, "api/alerts/\(alert.id)/acknowledge", clinician, json: [:])
            #expect(twice.status == .conflict)
            #expect(try await app.records(.POST, "api/alerts/\(UUID())/acknowledge", clinician, json: [:]).status == .notFound)

            // After the acknowledgement a new report is a new alert (for the same event); open alerts come first.
            let third = try await Self.report(app, patientID, patient, ["distantSpread"])
            #expect(third.reported?.alertIds.count == 1)
            let both = try await app.records(.GET, "api/alerts", clinician).decode(Listing<AlertDTO>.self)
            #expect(both.items.map(\.acknowledged) == [false, true])
            #expect(both.items.map(\.adverseEventId) == [spread.id, spread.id])
            let open = try await app.records(.GET, "api/alerts?state=open", clinician).decode(Listing<AlertDTO>.self)
            #expect(open.items.map(\.id) == third.reported?.alertIds)

            await app.flushAudit()
            let updates = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "Alert").filter(\.$action == "update").all()
            #expect(updates.count == 1)
            #expect(updates.first?.userID == nurse.userID)
            #expect(updates.first?.patientID == patientID)
            let created = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "Alert").filter(\.$action == "create").count()
            #expect(created == 2)
        }
    }

    @Test func anUrgentReportWithoutASessionStillReachesTheClinic() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let patient = try await app.signIn(.patient, patientID: patientID)
            let entry = try await Self.report(app, patientID, patient, ["allergicReaction", "dysphagia", "bruising"])
            #expect(entry.reported?.adverseEventIds == [])
            #expect(entry.reported?.alertIds.count == 2)
            let alerts = try await app.records(.GET, "api/alerts", clinician).decode(Listing<AlertDTO>.self)
            #expect(Set(alerts.items.map(\.kind)) == [.allergicReaction, .dysphagia])
            #expect(alerts.items.allSatisfy { $0.adverseEventId == nil })
            #expect(try await AdverseEventModel.query(on: app.db).count() == 0)
        }
    }

    @Test func onlyCliniciansAndNursesAndBoundedLists() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let patient = try await app.signIn(.patient, patientID: patientID)
            let entry = try await Self.report(app, patientID, patient, ["dysphagia"])
            let alertID = try #require(entry.reported?.alertIds.first)
            for role in [Role.reception, .admin] {
                let other = try await app.signIn(role)
                #expect(try await app.records(.GET, "api/alerts", other).status == .forbidden)
                #expect(try await app.records(.POST, "api/alerts/\(alertID)/acknowledge", other, json: [:]).status == .forbidden)
            }
            #expect(try await app.records(.GET, "api/alerts", patient).status == .forbidden)
            #expect(try await app.records(.POST, "api/alerts/\(alertID)/acknowledge", patient, json: [:]).status == .forbidden)
            #expect(try await app.records(.GET, "api/alerts", nil).status == .unauthorized)
            #expect(try await AlertModel.find(alertID, on: app.db)?.acknowledgedAt == nil)

            for query in ["limit=0", "limit=501", "offset=-1", "offset=1000001", "limit=1.5", "limit=18446744073709551616",
                          "state=closed", "patientId=x"] {
                let reply = try await app.records(.GET, "api/alerts?\(query)", clinician)
                #expect(reply.status == .unprocessableEntity, "\(query)")
            }
            let paged = try await app.records(.GET, "api/alerts?limit=500&offset=1&patientId=\(patientID)", clinician)
            #expect(paged.status == .ok)
            let page = try paged.decode(Listing<AlertDTO>.self)
            #expect(page.total == 1)
            #expect(page.items.isEmpty)
        }
    }
}
