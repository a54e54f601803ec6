import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

@Suite struct WebPortalTests {
    static func signedInPatient(_ app: Application, username: String = "ada", family: String = "Lovelace") async throws -> (WebBrowser, UUID) {
        let patient = try await WebFixture.patient(app, family: family)
        try await WebFixture.account(app, username, .patient, patient: patient, displayName: "Ada \(family)")
        let browser = WebBrowser(app)
        try await browser.signIn(username)
        try await browser.get("/portal")
        return (browser, patient)
    }

    @Test func aPatientSavesTwoEntriesInADayThroughTheAPIsRules() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedInPatient(app)
            let first = try await browser.post("/portal/diary", [
                ("painNRS", "5"), ("fatigue", "3"), ("painAreas", "neck"), ("painAreas", "hip.left"),
                ("sideEffects", "headache"), ("note", "stiff"),
            ])
            #expect(first.status == .seeOther)
            #expect(first.location == "/portal?saved=1")
            let page = try await browser.get("/portal?saved=1")
            #expect(page.body.contains("Saved. Thank you"))
            try await browser.post("/portal/diary", [("painNRS", "7")])

            let entries = try await DiaryEntryModel.query(on: app.db).filter(\.$patient.$id == patient).sort(\.$recordedAt).all()
            #expect(entries.map(\.painNRS) == [5, 7])
            #expect(entries.first?.fatigue == 3)
            #expect(entries.first?.sleepQuality == nil)
            // Stored in the WPI's own order, whatever order they were ticked in.
            #expect(entries.first?.painAreasJSON == "[\"hip.left\",\"neck\"]")
            #expect(entries.first?.sideEffectsJSON == "[\"headache\"]")  // the identifier (DOMAIN.md §4)
            #expect(try await WebFixture.auditCount(app, action: "create", resource: "DiaryEntry", patient: patient) == 2)

            let list = try await browser.get("/portal")
            #expect(list.body.contains("pain 5, fatigue 3"))
            #expect(list.body.contains("Where: Hip (buttock, trochanter), left; Neck"))
            #expect(list.body.contains("pain 7"))
            #expect(list.body.contains("Side effects: Headache"))  // shown by its label
            #expect(!list.body.contains("entered later"))
            // No session, not urgent: nothing else is put on record.
            #expect(try await AdverseEventModel.query(on: app.db).count() == 0)
            #expect(try await AlertModel.query(on: app.db).count() == 0)
        }
    }

    @Test func aRefusedEntryShowsItsErrorsInlineAndKeepsWhatWasTyped() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedInPatient(app)
            let missing = try await browser.post("/portal/diary", [
                ("fatigue", "4"), ("painAreas", "chest"), ("sideEffects", "bruising"), ("otherSideEffect", "itchy"), ("note", "bad night"),
            ])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("<a href=\"#painNRS-field\">Choose a number from 0 to 10.</a>"))
            #expect(missing.body.contains("id=\"painNRS-error\""))
            #expect(missing.body.contains("id=\"fatigue-4\" name=\"fatigue\" value=\"4\" checked"))
            #expect(missing.body.contains("name=\"painAreas\" value=\"chest\" checked"))
            #expect(missing.body.contains("name=\"sideEffects\" value=\"bruising\" checked"))
            #expect(missing.body.contains("value=\"itchy\""))
            #expect(missing.body.contains(">bad night</textarea>"))

            // The API's own checks: an unknown area and a pain score out of range, beside their fields.
            let refused = try await browser.post("/portal/diary", [("painNRS", "11"), ("painAreas", "elbow")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Unknown pain area &quot;elbow&quot;."))
            #expect(refused.body.contains("id=\"painAreas-error\""))
            #expect(refused.body.contains("id=\"painNRS-11\"") == false)
            #expect(refused.body.contains("id=\"painNRS-error\""))
            #expect(try await DiaryEntryModel.query(on: app.db).filter(\.$patient.$id == patient).count() == 0)
        }
    }

    @Test func anUrgentSideEffectAsksThePatientToCallNowAndAlertsTheClinic() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedInPatient(app)
            let clinician = try await WebFixture.account(app, "clin", .clinician, displayName: "Dr Who")
            try await DiaryAPITests.session(app, patient: patient, clinician: clinician, daysAgo: 6)
            let form = try await browser.get("/portal")
            #expect(form.body.contains("name=\"sideEffects\" value=\"distantSpread\""))
            #expect(!form.body.contains("role=\"alert\""))
            let answer = try await browser.post("/portal/diary", [("painNRS", "3"), ("sideEffects", "distantSpread"),
                                                                  ("otherSideEffect", "trouble breathing")])
            #expect(answer.location == "/portal?saved=1&urgent=1")
            let page = try await browser.get(try #require(answer.location)).body
            #expect(page.contains("id=\"urgent-advice\" role=\"alert\""))
            #expect(page.contains("Call 999 now if you have difficulty breathing or swallowing"))
            #expect(page.contains("call the clinic now"))
            // The clinic hears of it: an adverse event of the session and an open alert.
            let event = try #require(try await AdverseEventModel.query(on: app.db).first())
            #expect(event.kind == "distantSpread" && event.source == "patient")
            let alert = try #require(try await AlertModel.query(on: app.db).first())
            #expect(alert.adverseEventID == event.id && alert.acknowledgedAt == nil)

            // A side effect that is not urgent: saved, no call-now message.
            let calm = try await browser.post("/portal/diary", [("painNRS", "3"), ("sideEffects", "bruising")])
            #expect(calm.location == "/portal?saved=1")
        }
    }

    @Test func thePortalShowsOnlyThePatientsOwnRecord() async throws {
        try await withTestApp { app, _ in
            let (ada, adaID) = try await Self.signedInPatient(app)
            let (grace, graceID) = try await Self.signedInPatient(app, username: "grace", family: "Hopper")
            try await grace.post("/portal/diary", [("painNRS", "9"), ("note", "grace's private note")])
            try await ada.post("/portal/diary", [("painNRS", "2")])

            let chart = try await ada.get("/portal/chart")
            #expect(chart.status == .ok)
            #expect(chart.body.contains("1 diary entry on 1 day"))
            #expect(chart.body.contains("pain 2"))
            #expect(!chart.body.contains("pain 9"))
            #expect(!chart.body.contains("private note"))
            #expect(!chart.body.contains("Hopper"))
            // No URL names another record: ?patientID= is ignored, the account decides.
            let forced = try await ada.get("/portal/chart?patientID=\(graceID.uuidString)")
            #expect(!forced.body.contains("pain 9"))
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "Timeline", patient: adaID) == 2)
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "Timeline", patient: graceID) == 0)
        }
    }

    @Test func thePatientSeesWhoLookedAtTheirRecord() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedInPatient(app)
            try await WebFixture.account(app, "dr.okafor", .clinician)
            let clinician = WebBrowser(app)
            try await clinician.signIn("dr.okafor")
            try await clinician.get("/patients/\(patient.uuidString)")
            let page = try await browser.get("/portal/access")
            #expect(page.status == .ok)
            #expect(page.body.contains("<strong>dr.okafor</strong><span class=\"muted\"> (clinician)</span> looked at your clinical summary"))
            #expect(page.body.contains("<strong>dr.okafor</strong><span class=\"muted\"> (clinician)</span> looked at your diary"))
        }
    }

    @Test func thePatientSeesTheirAppointments() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedInPatient(app)
            let clinician = try await WebFixture.account(app, "clin", .clinician, displayName: "Dr Who")
            let tomorrow = CalendarDate(Date(), in: WebTodayTests.london).adding(days: 1)
            try await WebTodayTests.appointment(app, practitioner: clinician, patient: patient, on: tomorrow, hour: 9, minutes: 20,
                                                kind: .onsetCheck)
            let page = try await browser.get("/portal/appointments")
            #expect(page.body.contains("\(WebFormat.date(tomorrow)), 09:00</strong> — Onset check (phone) with Dr Who"))
            #expect(page.body.contains("A phone call: the clinic will ring you."))
        }
    }

    @Test func staffCannotUseThePortal() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            let page = try await browser.get("/portal")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("The portal is for patients"))
        }
    }
}
