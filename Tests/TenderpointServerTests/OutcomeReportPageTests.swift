import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// `/reports/outcomes` on the hand-built clinic of `OutcomeClinic` (every figure worked out on
/// paper there): the page shows the API's figures for the same filters, its downloads are the
/// API's rows and JSON, a bad filter is shown beside its field with what was typed, and only the
/// clinical team and the administrator may open it.
@Suite struct OutcomeReportPageTests {
    private struct Clinic {
        let clinician: UUID
        let nurse: UUID
        let browser: WebBrowser
    }

    /// The clinic, and a browser signed in as `role` (username "viewer").
    private static func clinic(_ app: Application, viewer role: Role = .clinician, displayName: String? = nil) async throws -> Clinic {
        let clinician = try await WebFixture.account(app, "dr.clinic", .clinician, displayName: displayName ?? "Dr Clinic")
        let nurse = try await WebFixture.account(app, "nurse.clinic", .nurse, displayName: "Nurse Clinic")
        try await OutcomeClinic.write(app, clinician: clinician, nurse: nurse)
        try await WebFixture.account(app, "viewer", role, patient: role == .patient ? OutcomeClinic.patientA : nil)
        let browser = WebBrowser(app)
        try await browser.signIn("viewer")
        return Clinic(clinician: clinician, nurse: nurse, browser: browser)
    }

    private static func apiReport(_ app: Application, _ query: String = "") async throws -> OutcomeDTO.Report {
        let nurse = try await app.signIn(.nurse)
        var body = ""
        try await app.testing().test(.GET, "api/reports/outcomes" + (query.isEmpty ? "" : "?\(query)"), headers: nurse.headers) {
            (response: TestingHTTPResponse) in
            body = String(buffer: response.body)
        }
        return try JSONCoding.decoder().decode(OutcomeDTO.Report.self, from: Data(body.utf8))
    }

    @Test(arguments: [Role.admin, .clinician, .nurse])
    func theClinicalTeamAndTheAdministratorOpenTheReport(role: Role) async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, viewer: role)
            let page = try await clinic.browser.get("/reports/outcomes")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Outcomes</h1>"))
            #expect(page.body.contains("<a href=\"/reports/outcomes\" aria-current=\"page\">Outcomes</a>"))
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "OutcomeReport") == 1)
        }
    }

    @Test(arguments: [Role.reception, .patient])
    func othersAreRefusedTheReportAndItsDownloads(role: Role) async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, viewer: role)
            let page = try await clinic.browser.get("/reports/outcomes")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("<h1>Not allowed</h1>"))
            #expect(!page.body.contains("figure-sessions"))
            #expect(try await clinic.browser.get("/reports/outcomes/cycles.csv").status == .forbidden)
            #expect(try await clinic.browser.get("/reports/outcomes/report.json").status == .forbidden)
            #expect(try await WebFixture.auditCount(app, action: "denied", resource: "OutcomeReport") == 2)
            #expect(try await WebFixture.auditCount(app, action: "denied", resource: "OutcomeCycles") == 1)
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "OutcomeReport") == 0)
        }
    }

    @Test func withoutSigningInThePageAsksForIt() async throws {
        try await withTestApp { app, _ in
            let page = try await WebBrowser(app).get("/reports/outcomes")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/login") == true)
        }
    }

    @Test func thePageShowsTheFiguresOfTheAPIsJSON() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            let page = try await clinic.browser.get("/reports/outcomes")
            let report = try await Self.apiReport(app)
            let body = page.body
            #expect(page.status == .ok)

            // 4 patients, 5 sessions: the JSON's, and the paper's.
            #expect(report.patients == 4 && report.sessions == 5)
            #expect(body.contains("<dd id=\"figure-patients\" data-value=\"\(report.patients)\">4</dd>"))
            #expect(body.contains("<dd id=\"figure-sessions\" data-value=\"\(report.sessions)\">5</dd>"))
            // Curves: S1 and S2 responded, S3 did not, S4 and S5 have too little data; nothing is recent.
            #expect(body.contains("<th scope=\"row\">Responded</th><td class=\"number\">\(report.curves.responded)</td>"))
            #expect(body.contains("<th scope=\"row\">Did not respond</th><td class=\"number\">1</td>"))
            #expect(body.contains("<th scope=\"row\">Not enough data</th><td class=\"number\">2</td>"))
            #expect(body.contains("<th scope=\"row\">Follow-up under way</th><td class=\"number\">0</td>"))

            // Week 3: 2 of 3 at ≥ 30 % and ≥ 50 %; Wilson 95 % for 2/3 (z = 1.96): centre
            // (2/3 + 0.6402) ÷ 2.2805 = 0.5731, half-width 1.96 × 0.4252 ÷ 2.2805 = 0.3654.
            let week3 = report.responders.week3
            #expect(week3.atLeast30.count == 2 && week3.atLeast30.n == 3)
            #expect(body.contains("<td class=\"number\">3</td><td>2 of 3 (66.7%)</td><td>20.8–93.9%</td><td>2 of 3 (66.7%)</td><td>20.8–93.9%</td>"))
            #expect(body.contains(OutcomeFigureFormat.interval(week3.atLeast30)))
            // Week 12: 1 of 2 (S1 back to 8, S2 still 3).
            #expect(body.contains("<td class=\"number\">2</td><td>1 of 2 (50.0%)</td><td>\(OutcomeFigureFormat.interval(report.responders.week12.atLeast30))</td>"))

            // FIQR at week 3: 60 → 45 and 50 → 40: means 55.0 → 42.5, change −12.5, SD √12.5 = 3.5.
            #expect(body.contains("<td class=\"number\">2</td><td class=\"number\">55.0</td><td class=\"number\">42.5</td><td class=\"number\">−12.5 (3.5)</td><td>2 of 2 (100.0%)</td>"))

            // Kaplan–Meier: S1 wore off on day 62, S2 censored at 89: median 62 (95 % CI 62 – not reached).
            #expect(report.kaplanMeier.median == 62)
            #expect(body.contains("<dd id=\"km-median\" data-value=\"62\">62 days</dd>"))
            #expect(body.contains("<dd id=\"km-median-ci\">62 days – not reached</dd>"))
            #expect(body.contains("<dd id=\"km-events\">1</dd>") && body.contains("<dd id=\"km-censored\">1</dd>"))
            // At risk on days 0, 28, 56: both; 84: S2 (89 ≥ 84); 112: none. S = 1 until 62, then ½.
            #expect(body.contains("<th scope=\"row\">At risk</th><td class=\"number\">2</td><td class=\"number\">2</td>"
                + "<td class=\"number\">2</td><td class=\"number\">1</td><td class=\"number\">0</td>"))
            #expect(body.contains("<th scope=\"row\">Still benefiting</th><td class=\"number\">100.0%</td><td class=\"number\">100.0%</td>"
                + "<td class=\"number\">100.0%</td><td class=\"number\">50.0%</td><td class=\"number\">50.0%</td>"))
            // The chart, its words and its at-risk row.
            #expect(body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart kaplan-meier\""))
            #expect(body.contains("<desc>2 responding sessions: 1 wear-off observed, 1 censored. Median duration of benefit 62 days "
                + "(95% CI 62–not reached). At risk: day 0 2, day 28 2, day 56 2, day 84 1, day 112 0.</desc>"))
            #expect(body.contains(">median 62 days (95% CI 62–not reached)</text>"))
            #expect(body.contains("<text class=\"at-risk-label\""))
            #expect(body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart responders\""))
            #expect(body.contains("<desc>Week 3, ≥30%: 67% (2 of 3, 95% CI 21%–94%)"))

            // Adverse events: 3 in 5 sessions; bruising in 2 of them.
            #expect(body.contains("3 events recorded against 5 sessions: 60.0 per 100 sessions; 0 serious. "
                + "Sessions with any event: 2 of 5 (40.0%)"))
            #expect(body.contains("<th scope=\"row\">Bruising</th><td class=\"number\">2</td><td>2 of 5 (40.0%)</td>"))
            #expect(body.contains("<th scope=\"row\">Headache</th><td class=\"number\">1</td><td>1 of 5 (20.0%)</td>"))

            // The honest wording and the rows behind it.
            #expect(body.contains("Observed in this clinic (uncontrolled)."))
            #expect(body.contains(HTMLEscaping.escape(OutcomeDTO.caveat)))
            #expect(body.contains("<a id=\"download-csv\" href=\"/reports/outcomes/cycles.csv\" download>Download the per-cycle rows (CSV, 5 rows)</a>"))

            await app.flushAudit()
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "OutcomeReport").filter(\.$action == "read").all()
            #expect(audit.map(\.detail).contains("web: all sessions: 5 sessions of 4 patients"))
        }
    }

    @Test func theDownloadsAreTheAPIsRowsAndJSON() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            let csv = try await clinic.browser.get("/reports/outcomes/cycles.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body == OutcomeClinic.expectedCSV)
            let json = try await clinic.browser.get("/reports/outcomes/report.json?product=onabotulinumtoxinA")
            #expect(json.status == .ok)
            let fromPage = try JSONCoding.decoder().decode(OutcomeDTO.Report.self, from: Data(json.body.utf8))
            #expect(fromPage == (try await Self.apiReport(app, "product=onabotulinumtoxinA")))
            #expect(fromPage.sessions == 4)
            #expect(try await WebFixture.auditCount(app, action: "export", resource: "OutcomeCycles") == 1)
        }
    }

    @Test func filtersNarrowTheReportAndTheLinks() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            // Blank fields are no filter (a GET form sends them all).
            let inco = try await clinic.browser.get("/reports/outcomes?from=&to=&product=incobotulinumtoxinA&minUnits=&maxUnits=&injector=")
            #expect(inco.status == .ok)
            #expect(inco.body.contains("<dd id=\"figure-sessions\" data-value=\"1\">1</dd>"))
            #expect(inco.body.contains("href=\"/reports/outcomes/cycles.csv?product=incobotulinumtoxinA\""))
            #expect(inco.body.contains("href=\"/reports/outcomes/report.json?product=incobotulinumtoxinA\""))
            #expect(inco.body.contains("<option value=\"incobotulinumtoxinA\" selected>"))
            #expect(inco.body.contains("<dd id=\"km-median\">not reached</dd>"))
            #expect(inco.body.contains("No wear-off observed yet (0 responding sessions)"))

            let byNurse = try await clinic.browser.get("/reports/outcomes?injector=\(clinic.nurse.uuidString)")
            #expect(byNurse.body.contains("<dd id=\"figure-sessions\" data-value=\"1\">1</dd>"))
            #expect(byNurse.body.contains("injected by Nurse Clinic."))
            #expect(byNurse.body.contains("<option value=\"\(clinic.nurse.uuidString)\" selected>Nurse Clinic (nurse)</option>"))

            let band = try await clinic.browser.get("/reports/outcomes?product=onabotulinumtoxinA&minUnits=110&maxUnits=200&from=2025-01-01")
            #expect(band.body.contains("<dd id=\"figure-sessions\" data-value=\"2\">2</dd>"))
            #expect(band.body.contains("Sessions: Wed 1 Jan 2025 to the latest, onabotulinumtoxinA, dose 110–200 U."))
            #expect(band.body.contains("href=\"/reports/outcomes/cycles.csv?from=2025-01-01&amp;product=onabotulinumtoxinA&amp;minUnits=110&amp;maxUnits=200\""))
            #expect(band.body.contains("<input type=\"text\" id=\"minUnits\" name=\"minUnits\" value=\"110\""))
        }
    }

    @Test func aBadFilterIsShownBesideItsFieldWithWhatWasTyped() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            let page = try await clinic.browser.get("/reports/outcomes?from=2025-13-01&to=2025-02-01&minUnits=100&product=")
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("<div id=\"from-field\" class=\"field field--error\">"))
            #expect(page.body.contains("from must be a date YYYY-MM-DD, not &#39;2025-13-01&#39;."))
            #expect(page.body.contains("<input type=\"text\" id=\"from\" name=\"from\" value=\"2025-13-01\""))
            #expect(page.body.contains("<input type=\"text\" id=\"to\" name=\"to\" value=\"2025-02-01\""))
            #expect(page.body.contains("<div id=\"minUnits-field\" class=\"field field--error\">"))
            #expect(page.body.contains("A dose band needs a product: units of different products are not comparable."))
            #expect(page.body.contains("<input type=\"text\" id=\"minUnits\" name=\"minUnits\" value=\"100\""))
            // The summary links to each field; no figures are shown for a filter that was refused.
            #expect(page.body.contains("<a href=\"#from-field\">"))
            #expect(page.body.contains("<a href=\"#minUnits-field\">"))
            #expect(!page.body.contains("figure-sessions"))
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "OutcomeReport") == 0)

            // The same refusal as the API's, field for field, and typed text is escaped.
            let typed = try await clinic.browser.get("/reports/outcomes?to=%3Cscript%3Ex%3C%2Fscript%3E&product=botox")
            #expect(typed.status == .unprocessableEntity)
            #expect(typed.body.contains("value=\"&lt;script&gt;x&lt;/script&gt;\""))
            #expect(!typed.body.contains("<script>x"))
            #expect(typed.body.contains("<div id=\"product-field\" class=\"field field--error\">"))
            #expect(typed.body.contains("<option value=\"botox\" selected>botox</option>"))
        }
    }

    @Test func namesAreEscaped() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, displayName: "<script>alert(1)</script>")
            let page = try await clinic.browser.get("/reports/outcomes?injector=\(clinic.clinician.uuidString)")
            #expect(page.status == .ok)
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; (clinician)"))
            #expect(page.body.contains("injected by &lt;script&gt;alert(1)&lt;/script&gt;."))
        }
    }
}
