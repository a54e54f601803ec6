import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

@Suite struct WebClinicalFormsTests {
    /// Eleven positive tender points, widespread pain for 6 months; seven WPI areas in all five
    /// regions; SSS 2 + 2 + 1 + headaches = 6; every FIQR item 5: function 45 ÷ 3 = 15, impact
    /// 10, symptoms 50 ÷ 2 = 25, total 50.
    static let exam: [(String, String)] = {
        var fields: [(String, String)] = [("section", "tenderPoints"), ("section", "acr2016"), ("section", "fiqr")]
        for point in ["occiput.left", "occiput.right", "lowCervical.left", "lowCervical.right", "trapezius.left", "trapezius.right",
                      "supraspinatus.left", "supraspinatus.right", "secondRib.left", "secondRib.right", "knee.left"] {
            fields.append(("tp", point))
        }
        fields.append(("widespreadPainMonths", "6"))
        for area in ["neck", "upperBack", "lowerBack", "hip.left", "hip.right", "shoulderGirdle.left", "shoulderGirdle.right"] {
            fields.append(("painAreas", area))
        }
        fields += [("fatigue", "2"), ("wakingUnrefreshed", "2"), ("cognitiveSymptoms", "1"), ("headaches", "yes"), ("symptomMonths", "6")]
        fields += (1...21).map { ("fiqr\($0)", "5") }
        fields += [("painNRS", "6"), ("pgic", "4")]
        return fields
    }()

    static func signedIn(_ app: Application, _ role: Role = .clinician) async throws -> (WebBrowser, UUID) {
        let patient = try await WebFixture.patient(app)
        try await WebFixture.account(app, "staff", role, displayName: "Dr Who")
        let browser = WebBrowser(app)
        try await browser.signIn("staff")
        return (browser, patient)
    }

    @Test func anExaminationIsScoredByTheCoreAndSaved() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedIn(app)
            let form = try await browser.get("/patients/\(patient.uuidString)/examination")
            #expect(form.status == .ok)
            #expect(form.body.contains("data-point=\"occiput.left\""))
            let answer = try await browser.post("/patients/\(patient.uuidString)/examination", Self.exam + [("action", "save")])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/patients/\(patient.uuidString)?saved=examination")
            let saved = try #require(try await AssessmentModel.query(on: app.db).filter(\.$patient.$id == patient).first())
            #expect(saved.tenderPointCount == 11)
            #expect(saved.acr1990Met == true)
            #expect(saved.wpi == 7)
            #expect(saved.sss == 6)
            #expect(saved.fs == 13)
            #expect(saved.acr2016Met == true)
            #expect(saved.fiqrTotal == 50)
            #expect(saved.painNRS == 6)
            #expect(saved.pgic == 4)
            #expect(try await WebFixture.auditCount(app, action: "create", resource: "Assessment", patient: patient) == 1)
            let page = try await browser.get(try #require(answer.location))
            #expect(page.body.contains("The examination was saved"))
            #expect(page.body.contains("<td>FIQR total</td><td>50.0 (moderate)</td>"))
        }
    }

    @Test func checkScoresShowsTheScoresWithoutSaving() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedIn(app)
            try await browser.get("/patients/\(patient.uuidString)/examination")
            let preview = try await browser.post("/patients/\(patient.uuidString)/examination", Self.exam + [("action", "preview")])
            #expect(preview.status == .ok)
            #expect(preview.body.contains("11 of 18 positive — ACR 1990 criterion met"))
            #expect(preview.body.contains("WPI 7/19, SSS 6/12, FS 13/31 (severe); regions with pain 5/5; 2016 criteria met"))
            #expect(preview.body.contains("Total 50.0 (moderate): function 15.0, overall impact 10.0, symptoms 25.0"))
            #expect(preview.body.contains("id=\"tp-knee.left\" name=\"tp\" value=\"knee.left\" checked"))
            #expect(try await AssessmentModel.query(on: app.db).count() == 0)
        }
    }

    @Test func aRefusedExaminationKeepsItsAnswersAndSaysWhy() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedIn(app)
            try await browser.get("/patients/\(patient.uuidString)/examination")
            var fields = Self.exam.filter { $0.0 != "fiqr3" }
            fields.append(("fiqr3", "11"))
            let refused = try await browser.post("/patients/\(patient.uuidString)/examination", fields + [("action", "save")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"fiqr3-error\""))
            #expect(refused.body.contains("<a href=\"#fiqr3-field\">"))
            #expect(refused.body.contains("id=\"fiqr3\" name=\"fiqr3\" class=\"narrow\" min=\"0\" max=\"10\" inputmode=\"numeric\" value=\"11\""))
            #expect(refused.body.contains("value=\"occiput.left\" checked"))
            #expect(try await AssessmentModel.query(on: app.db).count() == 0)
        }
    }

    @Test func theLiveScoresUseTheScoringHandlersWithTheSessionAndItsToken() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedIn(app)
            let form = try await browser.get("/patients/\(patient.uuidString)/examination")
            let token = try #require(form.csrfToken)
            func score(_ headers: HTTPHeaders) async throws -> (HTTPStatus, String) {
                var result: (HTTPStatus, String) = (.ok, "")
                var all = headers
                all.add(name: .cookie, value: "\(WebSession.cookieName)=\(browser.sessionCookie ?? "")")
                all.contentType = .json
                try await app.testing().test(.POST, "/score/fiqr", headers: all, beforeRequest: { request in
                    request.body = ByteBuffer(string: "{\"answers\":[5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5]}")
                }, afterResponse: { (response: TestingHTTPResponse) in
                    result = (response.status, String(buffer: response.body))
                })
                return result
            }
            let (status, body) = try await score([CSRFToken.headerName: token])
            #expect(status == .ok)
            #expect(body.contains("\"total\":50"))
            #expect(try await score([:]).0 == .forbidden)
        }
    }

    @Test func receptionCannotOpenTheClinicalForms() async throws {
        try await withTestApp { app, _ in
            let (browser, patient) = try await Self.signedIn(app, .reception)
            #expect(try await browser.get("/patients/\(patient.uuidString)/examination").status == .forbidden)
            let session = try await browser.get("/patients/\(patient.uuidString)/session")
            #expect(session.status == .forbidden)
            #expect(session.body.contains("A reception may not do this (chartSession)."))
        }
    }

    /// A patient with consent, and a vial reconstituted an hour ago.
    static func sessionSetup(_ app: Application) async throws -> (WebBrowser, UUID, UUID, UUID) {
        let (browser, patient) = try await Self.signedIn(app)
        let api = try await app.signIn(.clinician)
        let consent = try await TreatmentFixture.consent(app, patient: patient, recordedBy: api.userID,
                                                         date: CalendarDate(Date(), in: WebTodayTests.london).adding(days: -30).iso)
        let reconstituted = JSONCoding.formatInstant(Date().addingTimeInterval(-3600))
        let vial = try await TreatmentFixture.vial(app, api, lot: "WEB1", reconstitutedAt: reconstituted)
        try await browser.get("/patients/\(patient.uuidString)/session")
        return (browser, patient, consent, vial)
    }

    static func sessionFields(consent: UUID, vial: UUID, rows: [(String, String)], skip: String? = nil) -> [(String, String)] {
        var fields: [(String, String)] = [("date", CalendarDate(Date(), in: WebTodayTests.london).iso),
                                          ("consentId", consent.uuidString), ("vialId", vial.uuidString), ("guidance", "landmark")]
        for item in ScreeningItem.allCases where item.rawValue != skip { fields.append(("screening.\(item.rawValue)", "no")) }
        for (index, row) in rows.enumerated() { fields += [("site\(index + 1)", row.0), ("units\(index + 1)", row.1)] }
        return fields
    }

    @Test func aSessionIsChartedThroughTheSessionsAPI() async throws {
        try await withTestApp { app, _ in
            let (browser, patient, consent, vial) = try await Self.sessionSetup(app)
            let form = try await browser.get("/patients/\(patient.uuidString)/session")
            #expect(form.body.contains("WEB1 — onabotulinumtoxinA 100 U — 4 U per 0.1 mL"))
            #expect(form.body.contains("onabotulinumtoxinA: at most 50 U per site, 400 U per session, 400 U in any 84 days"))
            let answer = try await browser.post("/patients/\(patient.uuidString)/session", Self.sessionFields(
                consent: consent, vial: vial, rows: [("tenderPoint:trapezius.left", "20"), ("muscle:levatorScapulae.right", "12.5")]))
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/patients/\(patient.uuidString)?saved=session")
            let session = try #require(try await TreatmentSessionModel.query(on: app.db).filter(\.$patient.$id == patient).first())
            #expect(session.totalUnitsTenths == 325)
            let injections = try await InjectionModel.query(on: app.db).sort(\.$position).all()
            #expect(injections.map(\.siteID) == ["trapezius.left", "levatorScapulae.right"])
            #expect(injections.map(\.siteKind) == ["tenderPoint", "muscle"])
            #expect(injections.map(\.volumeMl) == ["0.5", "0.3125"])
            #expect(try await WebFixture.auditCount(app, action: "create", resource: "TreatmentSession", patient: patient) == 1)
        }
    }

    @Test func everyProblemOfARefusedSessionIsShownBesideItsField() async throws {
        try await withTestApp { app, _ in
            let (browser, patient, consent, vial) = try await Self.sessionSetup(app)
            let refused = try await browser.post("/patients/\(patient.uuidString)/session", Self.sessionFields(
                consent: consent, vial: vial, rows: [("tenderPoint:trapezius.left", "20"), ("", ""), ("tenderPoint:trapezius.right", "60")],
                skip: "pregnant"))
            #expect(refused.status == .unprocessableEntity)
            // The per-site limit on the form's row 3 (the API's injections[1]), the unanswered question on its row.
            #expect(refused.body.contains("id=\"row3-error\"><span class=\"visually-hidden\">Error: </span>60 U of onabotulinumtoxinA at Trapezius, right (tender point) in this session exceeds the per-site limit of 50 U."))
            #expect(refused.body.contains("id=\"screening-pregnant-error\""))
            #expect(refused.body.contains("id=\"units3\" name=\"units3\" class=\"narrow\" inputmode=\"decimal\" aria-label=\"Units of row 3\" value=\"60\""))
            #expect(refused.body.contains("<option value=\"tenderPoint:trapezius.right\" selected>"))
            #expect(try await TreatmentSessionModel.query(on: app.db).count() == 0)
        }
    }
}
