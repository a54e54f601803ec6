import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// The issue-10 attacks on charting, through the API: a session charted late for an earlier date,
/// one vial shared by two patients, a time of injection in the future, an old consent, a recalled
/// lot, and a session charted in error. Each refusal is a 422 naming its field, and writes nothing.
@Suite struct SessionSafetyAPITests {
    typealias F = TreatmentFixture

    /// Eight tender points × 50 U = 400 U, the whole onabotulinumtoxinA cumulative limit.
    static func fourHundred(_ vials: [UUID]) -> [[String: Any]] {
        let sites = ["trapezius.left", "trapezius.right", "occiput.left", "occiput.right", "supraspinatus.left",
                     "supraspinatus.right", "gluteal.left", "gluteal.right"]
        return sites.enumerated().map { F.injection(vials[$0.offset * vials.count / sites.count], tenderPoint: $0.element, units: 50) }
    }

    @Test func aSessionChartedLateIsHeldAgainstTheLaterSessionsDose() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID, date: "2026-04-01")
            // 400 U on 1 June (two 200 U vials).
            let june = [try await F.vial(app, clinician, lot: "J1", units: 200, diluentMl: 5),
                        try await F.vial(app, clinician, lot: "J2", units: 200, diluentMl: 5)]
            let first = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: "2026-06-01", consent: consent, injections: Self.fourHundred(june)))
            #expect(first.status == .created, "\(first.text)")
            // Then 400 U charted late for 1 May, 31 days before, with an interval override: refused.
            let may = [try await F.vial(app, clinician, lot: "M1", units: 200, diluentMl: 5, reconstitutedAt: "2026-05-01T08:00:00Z"),
                       try await F.vial(app, clinician, lot: "M2", units: 200, diluentMl: 5, reconstitutedAt: "2026-05-01T08:00:00Z")]
            let late = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                        json: F.session(date: "2026-05-01", consent: consent, injections: Self.fourHundred(may),
                                                        override: "Paper record from the outreach clinic"))
            #expect(late.status == .unprocessableEntity)
            #expect(late.problems == ["dose_limit_exceeded@injections"])
            #expect(late.error?.error.message.contains("800 U of onabotulinumtoxinA in the 84 days 2026-03-10 to 2026-06-01") == true)
            #expect(try await F.counts(app).sessions == 1)
        }
    }

    @Test(arguments: [("2026-03-09", false), ("2026-03-10", true)])
    func aBackDatedSessionAtDay83Or84BeforeTheNext(date: String, tooEarly: Bool) async throws {
        // The next session is on 1 June: 9 March is 84 days before it, 10 March 83.
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, _) = try await F.patientWithFirstSession(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID, date: "2026-03-01")
            let vial = try await F.vial(app, clinician, lot: "MAR", reconstitutedAt: "\(date)T08:00:00Z")
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: date, consent: consent, injections: F.standardInjections(vial)))
            if tooEarly {
                #expect(reply.problems == ["interval_too_short@date"])
                #expect(reply.error?.error.message.contains("on or before 2026-03-09") == true)
            } else {
                #expect(reply.status == .created, "\(reply.text)")
            }
        }
    }

    @Test func oneVialGivesNoMoreThanItHoldsAcrossPatients() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let vial = try await F.vial(app, clinician, lot: "SHARED")  // 100 U, reconstituted 1 June 08:00Z
            let sixty = ["trapezius.left", "trapezius.right"].map { F.injection(vial, tenderPoint: $0, units: 30) }
            let first = try await F.patient(app, clinician, family: "First")
            let firstConsent = try await F.consent(app, patient: first, recordedBy: clinician.userID)
            #expect(try await F.send(app, .POST, "api/patients/\(first)/sessions", clinician,
                                     json: F.session(date: "2026-06-01", consent: firstConsent, injections: sixty)).status == .created)
            let second = try await F.patient(app, clinician, family: "Second")
            let secondConsent = try await F.consent(app, patient: second, recordedBy: clinician.userID)
            // 40 U left: 40.1 U is refused on the injection that takes it over, 40 U is the last of it.
            let over = [F.injection(vial, tenderPoint: "occiput.left", units: 20), F.injection(vial, tenderPoint: "occiput.right", units: 20.1)]
            let refused = try await F.send(app, .POST, "api/patients/\(second)/sessions", clinician,
                                           json: F.session(date: "2026-06-01", consent: secondConsent, injections: over))
            #expect(refused.problems == ["vial_unusable@injections[1].units"])
            #expect(refused.error?.error.message.contains("has 40 U left") == true)
            let vialRead = try await F.send(app, .GET, "api/vials/\(vial)", clinician)
            #expect(vialRead.json["remainingUnits"] as? Double == 40)
            let exact = [F.injection(vial, tenderPoint: "occiput.left", units: 20), F.injection(vial, tenderPoint: "occiput.right", units: 20)]
            #expect(try await F.send(app, .POST, "api/patients/\(second)/sessions", clinician,
                                     json: F.session(date: "2026-06-01", consent: secondConsent, injections: exact)).status == .created)
            #expect(try await F.send(app, .GET, "api/vials/\(vial)", clinician).json["remainingUnits"] as? Double == 0)
            let usable = try await F.send(app, .GET, "api/vials?usable=true", clinician).decode(Listing<VialDTO>.self)
            #expect(!usable.items.contains { $0.id == vial })
        }
    }

    @Test func aTimeOfInjectionInTheFutureIsRefused() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let now = Date()
            let today = CalendarDate(now, in: ClinicCalendar.london)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID, date: today.adding(days: -10).iso)
            let vial = try await F.vial(app, clinician, lot: "NOW", reconstitutedAt: JSONCoding.formatInstant(now.addingTimeInterval(-600)))
            let nineHours = JSONCoding.formatInstant(now.addingTimeInterval(9 * 3600))
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: today.iso, consent: consent, injections: F.standardInjections(vial),
                                                         extra: ["performedAt": nineHours]))
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.problems.contains("session_in_future@performedAt"))
            #expect(try await F.counts(app).sessions == 0)
        }
    }

    @Test func aConsentCoversTwelveMonthsToItsLastDayAndTheProductsItNames() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let vial = try await F.vial(app, clinician)  // reconstituted 1 June 2026
            // Given 2 June 2025: in force through 1 June 2026, its last valid day.
            let lastDay = try await F.send(app, .POST, "api/patients/\(patient)/consents", clinician,
                                           json: ["date": "2025-06-02", "informationVersion": "v3"])
            #expect(lastDay.json["validUntil"] as? String == "2026-06-01")
            #expect(lastDay.json["products"] is NSNull)
            let lastDayID = try #require((lastDay.json["id"] as? String).flatMap(UUID.init(uuidString:)))
            let old = try await F.send(app, .POST, "api/patients/\(patient)/consents", clinician,
                                       json: ["date": "2025-06-01", "informationVersion": "v2"])
            let oldID = try #require((old.json["id"] as? String).flatMap(UUID.init(uuidString:)))
            let expired = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                           json: F.session(date: "2026-06-01", consent: oldID, injections: F.standardInjections(vial)))
            #expect(expired.problems == ["consent_missing@consentId"])
            #expect(expired.error?.error.message.contains("until 2026-05-31") == true)
            // A consent naming only incobotulinumtoxinA does not cover onabotulinumtoxinA.
            let named = try await F.send(app, .POST, "api/patients/\(patient)/consents", clinician,
                                         json: ["date": "2026-05-01", "informationVersion": "v3", "products": ["incobotulinumtoxinA"]])
            #expect(named.json["products"] as? [String] == ["incobotulinumtoxinA"])
            let namedID = try #require((named.json["id"] as? String).flatMap(UUID.init(uuidString:)))
            let otherProduct = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                                json: F.session(date: "2026-06-01", consent: namedID, injections: F.standardInjections(vial)))
            #expect(otherProduct.problems == ["consent_missing@consentId"])
            let unknown = try await F.send(app, .POST, "api/patients/\(patient)/consents", clinician,
                                           json: ["date": "2026-05-01", "informationVersion": "v3", "products": ["botox"]])
            #expect(unknown.problems == ["unknown_identifier@products[0]"])
            // On its last valid day it covers the session.
            #expect(try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                     json: F.session(date: "2026-06-01", consent: lastDayID, injections: F.standardInjections(vial))).status == .created)
        }
    }

    @Test func aRecalledLotCannotBeUsedAndTheRecallListsWhoReceivedIt() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, consent) = try await F.patientWithFirstSession(app, clinician)  // lot C1234, 1 June
            let spare = try await F.vial(app, clinician, lot: "c1234 ",
                                         reconstitutedAt: JSONCoding.formatInstant(Date().addingTimeInterval(-600)))
            let nurse = try await app.signIn(.nurse)
            let byNurse = try await F.send(app, .POST, "api/vials/recall", nurse, json: ["lot": "C1234", "reason": "Manufacturer notice"])
            #expect(byNurse.status == .forbidden)
            let noReason = try await F.send(app, .POST, "api/vials/recall", clinician, json: ["lot": "C1234", "reason": " "])
            #expect(noReason.problems == ["invalid_value@reason"])
            let recall = try await F.send(app, .POST, "api/vials/recall", clinician, json: ["lot": "C1234", "reason": "Manufacturer notice"])
            #expect(recall.status == .ok, "\(recall.text)")
            let vials = try #require(recall.json["vials"] as? [[String: Any]])
            #expect(vials.count == 2)
            #expect(vials.allSatisfy { $0["state"] as? String == "recalled" })
            let patients = try #require(recall.json["patients"] as? [[String: Any]])
            #expect(patients.map { $0["id"] as? String } == [patient.uuidString])
            // The recalled spare can no longer be used for anything from now on.
            let spareRead = try await F.send(app, .GET, "api/vials/\(spare)", clinician)
            #expect(spareRead.json["state"] as? String == "recalled")
            #expect(spareRead.json["usableNow"] as? Bool == false)
            #expect(spareRead.json["closeReason"] as? String == "Manufacturer notice")
            // Reconstituted ten minutes ago, it would be usable but for the recall.
            let today = CalendarDate(Date(), in: ClinicCalendar.london)
            let consentNow = try await F.consent(app, patient: patient, recordedBy: clinician.userID, date: today.adding(days: -1).iso)
            _ = consent
            let withSpare = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                             json: F.session(date: today.iso, consent: consentNow,
                                                             injections: F.standardInjections(spare)))
            #expect(withSpare.problems == ["vial_unusable@injections[0].vialId"])
            #expect(withSpare.error?.error.message.contains("is recalled since") == true)
            // A second recall of the same lot is harmless.
            let again = try await F.send(app, .POST, "api/vials/recall", clinician, json: ["lot": "C1234", "reason": "Second notice"])
            #expect(again.status == .ok)
        }
    }

    @Test func aDiscardNeedsAReasonAndWastesAtMostWhatIsLeft() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (_, _) = try await F.patientWithFirstSession(app, clinician)  // 40 U from lot C1234
            let listing = try await F.send(app, .GET, "api/vials?lot=C1234", clinician).decode(Listing<VialDTO>.self)
            let vial = try #require(listing.items.first?.id)
            #expect(listing.items.first?.remainingUnits == Units(60))
            let tooMuch = try await F.send(app, .POST, "api/vials/\(vial)/discard", clinician, json: ["reason": "24 h passed", "wastedUnits": 60.1])
            #expect(tooMuch.problems == ["value_out_of_range@wastedUnits"])
            let discarded = try await F.send(app, .POST, "api/vials/\(vial)/discard", clinician, json: ["reason": "24 h passed"])
            #expect(discarded.status == .ok)
            #expect(discarded.json["state"] as? String == "discarded")
            #expect(discarded.json["wastedUnits"] as? Double == 60)
            #expect(discarded.json["remainingUnits"] as? Double == 0)
            let twice = try await F.send(app, .POST, "api/vials/\(vial)/discard", clinician, json: ["reason": "again"])
            #expect(twice.status == .conflict)
        }
    }

    @Test func aSessionChartedInErrorIsVoidedNotDeletedAndCountsForNothing() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, consent) = try await F.patientWithFirstSession(app, clinician)
            let sessions = try await F.send(app, .GET, "api/patients/\(patient)/sessions", clinician)
            let sessionID = try #require(((sessions.json["items"] as? [[String: Any]])?.first?["id"] as? String))
            // A nurse may not void; a clinician needs a reason.
            let nurse = try await app.signIn(.nurse)
            #expect(try await F.send(app, .POST, "api/patients/\(patient)/sessions/\(sessionID)/void", nurse,
                                     json: ["reason": "Wrong patient"]).status == .forbidden)
            let blank = try await F.send(app, .POST, "api/patients/\(patient)/sessions/\(sessionID)/void", clinician, json: ["reason": "  "])
            #expect(blank.problems == ["invalid_value@reason"])
            let voided = try await F.send(app, .POST, "api/patients/\(patient)/sessions/\(sessionID)/void", clinician,
                                          json: ["reason": "Charted on the wrong patient"])
            #expect(voided.status == .ok, "\(voided.text)")
            let mark = try #require(voided.json["voided"] as? [String: Any])
            #expect(mark["reason"] as? String == "Charted on the wrong patient")
            #expect(mark["by"] as? String == clinician.userID.uuidString)
            // Still there, marked; its follow-ups are cancelled; a second void is refused.
            let read = try await F.send(app, .GET, "api/patients/\(patient)/sessions/\(sessionID)", clinician)
            #expect(read.status == .ok)
            #expect((read.json["voided"] as? [String: Any])?["reason"] as? String == "Charted on the wrong patient")
            let listed = try await F.send(app, .GET, "api/patients/\(patient)/sessions", clinician)
            #expect((listed.json["items"] as? [[String: Any]])?.first?["voided"] as? Bool == true)
            let again = try await F.send(app, .POST, "api/patients/\(patient)/sessions/\(sessionID)/void", clinician, json: ["reason": "x"])
            #expect(again.status == .unprocessableEntity)
            // It no longer counts for the interval: a session the next day is allowed, and the vial's units are back.
            let window = try await F.send(app, .GET, "api/patients/\(patient)/reinjection-window", clinician)
            #expect(window.json["lastSessionDate"] is NSNull)
            let vial = try await F.vial(app, clinician, lot: "NEXT", reconstitutedAt: "2026-06-02T08:00:00Z")
            let next = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                        json: F.session(date: "2026-06-02", consent: consent, injections: F.standardInjections(vial)))
            #expect(next.status == .created, "\(next.text)")
            let listing = try await F.send(app, .GET, "api/vials?lot=C1234", clinician).decode(Listing<VialDTO>.self)
            #expect(listing.items.first?.remainingUnits == Units(100))
            await app.flushAudit()
            #expect(try await WebFixture.auditCount(app, action: "update", resource: "TreatmentSession", patient: patient) == 1)
        }
    }
}
