import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// The page that voids a session charted in error: a clinician finds it from the patient's page,
/// must write a reason (the form comes back with the message and what was typed), and after the
/// void the session leaves the patient's list and stops counting; a nurse never sees the link.
@Suite struct SessionVoidPageTests {
    typealias F = TreatmentFixture

    @Test func aClinicianVoidsASessionWithAReason() async throws {
        try await withTestApp { app, _ in
            let api = try await app.signIn(.clinician)
            let (patient, _) = try await F.patientWithFirstSession(app, api)
            let sessions = try await F.send(app, .GET, "api/patients/\(patient)/sessions", api)
            let sessionID = try #require((sessions.json["items"] as? [[String: Any]])?.first?["id"] as? String)
            try await WebFixture.account(app, "doctor", .clinician, displayName: "Dr Who")
            let browser = WebBrowser(app)
            try await browser.signIn("doctor")
            let patientPage = try await browser.get("/patients/\(patient.uuidString)")
            let voidPath = "/patients/\(patient.uuidString)/sessions/\(sessionID)/void"
            #expect(patientPage.body.contains("href=\"\(voidPath)\""))
            let form = try await browser.get(voidPath)
            #expect(form.status == .ok)
            #expect(form.body.contains("Void the session of"))
            #expect(form.body.contains("<label for=\"reason\">"))
            let blank = try await browser.post(voidPath, [("reason", "   ")])
            #expect(blank.status == .unprocessableEntity)
            #expect(blank.body.contains("id=\"reason-error\""))
            #expect(blank.body.contains("aria-describedby=\"reason-error\""))
            #expect(blank.body.contains("Voiding a session needs a written reason."))
            let done = try await browser.post(voidPath, [("reason", "Charted on the wrong patient <b>")])
            #expect(done.status == .seeOther)
            #expect(done.location == "/patients/\(patient.uuidString)?saved=void")
            let after = try await browser.get("/patients/\(patient.uuidString)?saved=void")
            #expect(after.body.contains("The session was voided"))
            #expect(!after.body.contains("href=\"\(voidPath)\""))
            let stored = try #require(try await TreatmentSessionModel.find(UUID(uuidString: sessionID), on: app.db))
            #expect(stored.voidReason == "Charted on the wrong patient <b>")
            // The form of a voided session says so instead of offering the button, and escapes the reason.
            let again = try await browser.get(voidPath)
            #expect(again.body.contains("Charted on the wrong patient &lt;b&gt;"))
            #expect(!again.body.contains("name=\"reason\""))
        }
    }

    @Test func aNurseHasNoVoidLinkAndIsRefused() async throws {
        try await withTestApp { app, _ in
            let api = try await app.signIn(.clinician)
            let (patient, _) = try await F.patientWithFirstSession(app, api)
            let sessions = try await F.send(app, .GET, "api/patients/\(patient)/sessions", api)
            let sessionID = try #require((sessions.json["items"] as? [[String: Any]])?.first?["id"] as? String)
            try await WebFixture.account(app, "nurse", .nurse, displayName: "Nurse")
            let browser = WebBrowser(app)
            try await browser.signIn("nurse")
            let patientPage = try await browser.get("/patients/\(patient.uuidString)")
            #expect(!patientPage.body.contains("/void\""))
            #expect(try await browser.get("/patients/\(patient.uuidString)/sessions/\(sessionID)/void").status == .forbidden)
        }
    }
}
