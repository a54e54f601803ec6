import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Two more patients built by hand, for the non-response flags (assessments only, no diary: the
/// baseline is the pre-injection assessment and week 3 is the assessment nearest day 21).
/// Day N is 2025-01-06 plus N days; all onabotulinumtoxinA.
///
/// - Patient P (primary): 100 U on days 0 and 90. Pain 6 on day −7, 6 on day 21 (0 %), 6 on day
///   87 (before the second), 5 on day 111 (its day 21: −17 %). Two adequately dosed cycles without
///   a ≥ 30 % reduction at week 3 and never a response: primary non-response.
/// - Patient S (secondary): 100 U on day 0, 100 U on day 70 (2025-03-17: 70 days, under the 84-day
///   minimum), 120 U on day 160 (2025-06-15). Pain 8 on day −7, 4 on day 21 (−50 %, a responder);
///   8 on day 68, 8 on day 91 (0 %); 8 on day 158, 7 on day 181 (−12.5 %). The last two cycles did
///   not respond at a dose at least as high as the one that did: possible secondary non-response,
///   with the 70-day interval named.
enum OutcomeFlagClinic {
    static let patientP = UUID(uuidString: "00000000-0000-4000-8000-0000000000E1")!
    static let patientS = UUID(uuidString: "00000000-0000-4000-8000-0000000000F1")!
    static let day0 = CalendarDate(iso: "2025-01-06")!

    static let sessions: [(patient: UUID, day: Int, units: Int)] = [
        (patientP, 0, 100), (patientP, 90, 100), (patientS, 0, 100), (patientS, 70, 100), (patientS, 160, 120),
    ]
    static let pain: [(patient: UUID, day: Int, nrs: Int)] = [
        (patientP, -7, 6), (patientP, 21, 6), (patientP, 87, 6), (patientP, 111, 5),
        (patientS, -7, 8), (patientS, 21, 4), (patientS, 68, 8), (patientS, 91, 8), (patientS, 158, 8), (patientS, 181, 7),
    ]

    static func write(_ app: Application, clinician: UUID) async throws {
        var batch = DemoBatch()
        let now = Date()
        let consent = [patientP: UUID(), patientS: UUID()]
        for (index, patient) in [patientP, patientS].enumerated() {
            batch.add(.patients, [patient, "Flag", "Patient\(index)", "1970-01-01", "female", String?.none, String?.none,
                                  String?.none, String?.none, "flag patient\(index)", now, now])
            batch.add(.consents, [consent[patient]!, patient, "2024-12-01", "v1", "Flag Patient", clinician, String?.none, now])
        }
        for session in sessions {
            let date = day0.adding(days: session.day)
            batch.add(.sessions, [UUID(), session.patient, date.iso, Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400 + 36_000),
                                  clinician, UUID?.none, ToxinProduct.onabotulinumtoxinA.rawValue, Units(session.units).tenths, "{}", "[]",
                                  consent[session.patient]!, "landmark", String?.none, String?.none, now])
        }
        for score in pain {
            batch.add(.assessments, [UUID(), score.patient, day0.adding(days: score.day).iso, now, clinician, String?.none, Int?.none,
                                     Bool?.none, String?.none, Int?.none, Int?.none, Int?.none, Bool?.none, String?.none,
                                     Double?.none, score.nrs, Int?.none, String?.none, now])
        }
        try await DemoWriter.write(batch, on: app.db)
    }
}

/// The patient page's "Response to treatment": the same answer as `GET /api/patients/{id}/outcomes`
/// in words and a chart per session, the flags as the core words them, audited like the API's read.
@Suite struct PatientOutcomesPageTests {
    private static func signedIn(_ app: Application, role: Role = .clinician) async throws -> (browser: WebBrowser, clinician: UUID) {
        let clinician = try await WebFixture.account(app, "dr.clinic", .clinician)
        let nurse = try await WebFixture.account(app, "nurse.clinic", .nurse)
        try await OutcomeClinic.write(app, clinician: clinician, nurse: nurse)
        try await OutcomeFlagClinic.write(app, clinician: clinician)
        try await WebFixture.account(app, "viewer", role)
        let browser = WebBrowser(app)
        try await browser.signIn("viewer")
        return (browser, clinician)
    }

    private static func apiOutcomes(_ app: Application, _ patient: UUID) async throws -> OutcomeDTO.PatientOutcomes {
        let clinician = try await app.signIn(.clinician)
        var body = ""
        try await app.testing().test(.GET, "api/patients/\(patient)/outcomes", headers: clinician.headers) { (response: TestingHTTPResponse) in
            body = String(buffer: response.body)
        }
        return try JSONCoding.decoder().decode(OutcomeDTO.PatientOutcomes.self, from: Data(body.utf8))
    }

    @Test func aResponseWithItsOnsetPeakAndWearOff() async throws {
        try await withTestApp { app, _ in
            let (browser, _) = try await Self.signedIn(app)
            let page = try await browser.get("/patients/\(OutcomeClinic.patientA.uuidString)")
            #expect(page.status == .ok)
            let body = page.body
            #expect(body.contains("<h2 id=\"outcomes-heading\">Response to treatment</h2>"))
            #expect(body.contains("Observed for this patient (uncontrolled)."))
            // Patient A, S1 on Mon 6 Jan 2025: baseline 8 from 14 diary days; onset day 4 (6.4),
            // peak day 7 (4, −50 %), wear-off day 62 (7.2): 62 days of benefit.
            #expect(body.contains("<summary>Mon 6 Jan 2025: 100 U onabotulinumtoxinA — responded, peak −50%; week 3: −50%</summary>"))
            #expect(body.contains("<dd class=\"baseline\">8.0: the mean of 14 days with a score on days −14 … −1</dd>"))
            #expect(body.contains("<dd class=\"onset\">day 4 (10 Jan 2025), smoothed pain 6.4; "))
            #expect(body.contains("<dd class=\"peak\">day 7 (13 Jan 2025), smoothed pain 4.0, −50% from baseline; 7 of 7 days around it had a score</dd>"))
            #expect(body.contains("<dd class=\"wear-off\">day 62 (9 Mar 2025), smoothed pain 7.2; "))
            #expect(body.contains("<dd class=\"benefit\">62 days (wear-off observed)</dd>"))
            #expect(body.contains("pain 4.0 on day 21 (assessment): −50% from baseline, a responder at ≥ 30% and ≥ 50%"))
            // The chart, with its words for those who cannot see it.
            #expect(body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart response-curve\""))
            #expect(body.contains("<desc>Baseline pain 8.0. Onset day 4 (smoothed pain 6.4), peak day 7 (smoothed pain 4.0, −50%), "
                + "wear-off day 62 (smoothed pain 7.2). 134 days with a pain score are plotted.</desc>"))
            #expect(body.contains(">wear-off day 62</text>"))

            // One own wear-off is too few: the clinic's median for onabotulinumtoxinA (62 days, from
            // S1 and S2) predicts Sun 9 Mar 2025; 62 − 7 = 55 is raised to day 84, Mon 31 Mar 2025.
            let outcomes = try await Self.apiOutcomes(app, OutcomeClinic.patientA)
            #expect(outcomes.prediction?.predictedWearOff == CalendarDate(iso: "2025-03-09"))
            #expect(body.contains("<dd id=\"predicted-wear-off\">Sun 9 Mar 2025, day 62 after the session of Mon 6 Jan 2025</dd>"))
            #expect(body.contains("<dd id=\"recommended-date\">Mon 31 Mar 2025, day 84</dd>"))
            #expect(body.contains("The clinic&#39;s median duration of benefit for onabotulinumtoxinA (observed in this clinic, uncontrolled)"))
            #expect(body.contains("A week before the predicted wear-off would be day 55; raised to day 84, the minimum interval"))
            #expect(body.contains("<p id=\"no-flags\">No non-response flag is raised.</p>"))

            // Audited as the API's read of the outcomes, for this patient.
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "PatientOutcomes", patient: OutcomeClinic.patientA) == 2)
        }
    }

    @Test func aCycleWithoutAResponseOrDataSaysSo() async throws {
        try await withTestApp { app, _ in
            let (browser, _) = try await Self.signedIn(app)
            // Patient B: S3 (6 Apr 2025, newest, shown open) did not respond; S2 is censored at day 89.
            let b = try await browser.get("/patients/\(OutcomeClinic.patientB.uuidString)")
            #expect(b.body.contains("<details class=\"cycle\" open id=\"cycle-\(OutcomeClinic.s3.uuidString)\">"
                + "<summary>Sun 6 Apr 2025: 150 U onabotulinumtoxinA — no response of 30% or more</summary>"))
            #expect(b.body.contains("<details class=\"cycle\" id=\"cycle-\(OutcomeClinic.s2.uuidString)\">"))
            #expect(b.body.contains("<dd class=\"onset\">does not apply: no fall of 30% or more</dd>"))
            #expect(b.body.contains("<dd class=\"wear-off\">not observed by day 89, the last day with a smoothed value</dd>"))
            #expect(b.body.contains("at least 89 days (censored"))
            #expect(b.body.contains("pain 3.0 on day 21 (smoothed diary curve: no assessment in days 14–35)"))
            // Patient C: nothing recorded around the session.
            let c = try await browser.get("/patients/\(OutcomeClinic.patientC.uuidString)")
            #expect(c.body.contains("<dd class=\"baseline\">not enough data: 0 of the 14 days before had a score, and no pre-injection assessment</dd>"))
            #expect(c.body.contains("Not enough data for a baseline (0 of 14 days before the session, no pre-injection assessment)."))
            // No response observed in its one cycle: no wear-off or re-injection date is predicted.
            #expect(c.body.contains("<div class=\"prediction\" id=\"prediction-withheld\">"))
            #expect(c.body.contains("No response observed in 1 cycle: review whether to continue."))
            #expect(!c.body.contains("predicted-wear-off") && !c.body.contains("recommended-date"))
            #expect(c.body.contains("Allowed window"))
        }
    }

    @Test func theNonResponseFlagsAsTheCoreWordsThem() async throws {
        try await withTestApp { app, _ in
            let (browser, _) = try await Self.signedIn(app)
            let primaryPage = try await browser.get("/patients/\(OutcomeFlagClinic.patientP.uuidString)")
            let primary = try #require(try await Self.apiOutcomes(app, OutcomeFlagClinic.patientP).nonResponse.primary)
            #expect(primary.message == "Primary non-response: no pain reduction of 30 % or more at the week-3 review in the first 2 "
                + "adequately dosed cycles (2025-01-06: 100 U of onabotulinumtoxinA; 2025-04-06: 100 U of onabotulinumtoxinA). "
                + "The clinician decides whether to continue.")
            #expect(primaryPage.body.contains("<div class=\"flag\" id=\"flag-primary\" role=\"note\">"))
            #expect(primaryPage.body.contains("<p>\(HTMLEscaping.escape(primary.message))</p>"))
            #expect(!primaryPage.body.contains("flag-secondary"))
            #expect(primaryPage.body.contains("<td>0%</td><td>no</td>"))
            #expect(primaryPage.body.contains("<td>−17%</td><td>no</td>"))
            // No prediction while the flag is raised.
            #expect(primaryPage.body.contains("No response observed in 2 cycles: review whether to continue."))
            #expect(primaryPage.body.contains("The primary non-response flag is raised: no wear-off date or recommended re-injection date is predicted."))
            #expect(!primaryPage.body.contains("id=\"predicted-wear-off\""))
            #expect(try await Self.apiOutcomes(app, OutcomeFlagClinic.patientP).prediction == nil)

            let secondaryPage = try await browser.get("/patients/\(OutcomeFlagClinic.patientS.uuidString)")
            let secondary = try #require(try await Self.apiOutcomes(app, OutcomeFlagClinic.patientS).nonResponse.possibleSecondary)
            #expect(secondary.message.contains("(2025-03-17: 100 U; 2025-06-15: 120 U)"))
            #expect(secondary.message.hasSuffix("Intervals shorter than 84 days, a risk factor: 2025-03-17 (70 days)."))
            #expect(secondaryPage.body.contains("<div class=\"flag\" id=\"flag-secondary\" role=\"note\">"))
            #expect(secondaryPage.body.contains("<p>\(HTMLEscaping.escape(secondary.message))</p>"))
            #expect(!secondaryPage.body.contains("flag-primary"))
            // The dose and interval history: the 70-day interval marked, the cycles the flag rests on named.
            #expect(secondaryPage.body.contains("<tr class=\"short-interval\"><td>Mon 17 Mar 2025 <span class=\"badge\">no response</span></td>"
                + "<td>100 U onabotulinumtoxinA</td><td>70 days <span class=\"badge badge--warn\">under 84 days</span></td><td>0%</td><td>no</td></tr>"))
            #expect(secondaryPage.body.contains("<td>Mon 6 Jan 2025 <span class=\"badge\">earlier response</span></td>"))
            #expect(secondaryPage.body.contains("<td>Sun 15 Jun 2025 <span class=\"badge\">no response</span></td><td>120 U onabotulinumtoxinA</td>"
                + "<td>90 days</td><td>−13%</td><td>no</td>"))
            // The baselines came from the pre-injection assessment: it is the only score in the 14 days before.
            #expect(secondaryPage.body.contains("<dd class=\"baseline\">8.0: the pre-injection assessment (only 1 of the 14 days before had a score)</dd>"))
            #expect(secondaryPage.body.contains("<dd class=\"peak\">not enough data after the session (1 day with a score on days 1–56)</dd>"))
        }
    }

    @Test func namesAreEscapedAndOnlyTheClinicalRolesSeeTheSection() async throws {
        try await withTestApp { app, _ in
            let (browser, _) = try await Self.signedIn(app)
            let patient = try #require(try await PatientModel.find(OutcomeClinic.patientA, on: app.db))
            patient.givenName = "<script>alert(1)</script>"
            try await patient.save(on: app.db)
            let page = try await browser.get("/patients/\(OutcomeClinic.patientA.uuidString)")
            #expect(page.status == .ok)
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.body.contains("Response to treatment"))

            try await WebFixture.account(app, "desk", .reception)
            let reception = WebBrowser(app)
            try await reception.signIn("desk")
            let refused = try await reception.get("/patients/\(OutcomeClinic.patientA.uuidString)")
            #expect(refused.status == .forbidden)
            #expect(!refused.body.contains("Response to treatment"))
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "PatientOutcomes", patient: OutcomeClinic.patientA) == 1)
        }
    }
}
