import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// The session charting page with several vials and its running totals. Sessions are charted
/// today (the page charts "now"); the patient's earlier session of 40 U was 83 days ago, so it is
/// inside the 84-day window of today's session, and the form carries a clinician's override of
/// the interval (which lifts the interval only, never a dose limit).
@Suite struct SessionChartingPageTests {
    typealias F = TreatmentFixture

    struct Setup {
        let browser: WebBrowser
        let api: SignedIn
        let patient: UUID
        let consent: UUID
        /// 100 U in 2.5 mL (4 U per 0.1 mL) and 100 U in 4 mL (2.5 U per 0.1 mL), reconstituted an hour ago.
        let strong: UUID
        let weak: UUID
        let today: CalendarDate
    }

    static func setup(_ app: Application, _ role: Role = .clinician, history: Bool = true) async throws -> Setup {
        let today = CalendarDate(Date(), in: WebTodayTests.london)
        let patient = try await WebFixture.patient(app)
        try await WebFixture.account(app, "staff", role, displayName: "Staff")
        let browser = WebBrowser(app)
        try await browser.signIn("staff")
        let api = try await app.signIn(.clinician)
        let consent = try await F.consent(app, patient: patient, recordedBy: api.userID, date: today.adding(days: -120).iso)
        if history {
            let earlier = today.adding(days: -83)
            let vial = try await F.vial(app, api, lot: "OLD", reconstitutedAt: "\(earlier.iso)T08:00:00Z")
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", api,
                                         json: F.session(date: earlier.iso, consent: consent, injections: F.standardInjections(vial)))
            guard reply.status == .created else { throw F.Failure("earlier session refused: \(reply.text)") }
        }
        let reconstituted = JSONCoding.formatInstant(Date().addingTimeInterval(-3600))
        let strong = try await F.vial(app, api, lot: "LOT-A", reconstitutedAt: reconstituted)
        let weak = try await F.vial(app, api, lot: "LOT-B", diluentMl: 4, reconstitutedAt: reconstituted)
        try await browser.get("/patients/\(patient.uuidString)/session")  // the form's CSRF token
        return Setup(browser: browser, api: api, patient: patient, consent: consent, strong: strong, weak: weak, today: today)
    }

    /// The form as a browser posts it: rows of (vial, site, units), a blank vial meaning "same as above".
    static func fields(_ setup: Setup, rows: [(UUID?, String, String)], action: String? = nil, skip: String? = nil) -> [(String, String)] {
        var fields: [(String, String)] = [("date", setup.today.iso), ("consentId", setup.consent.uuidString), ("guidance", "landmark"),
                                          ("rowCount", "10"), ("overrideReason", "Severe flare")]
        for item in ScreeningItem.allCases where item.rawValue != skip { fields.append(("screening.\(item.rawValue)", "no")) }
        for (index, row) in rows.enumerated() {
            fields += [("vial\(index + 1)", row.0?.uuidString ?? ""), ("site\(index + 1)", row.1), ("units\(index + 1)", row.2)]
        }
        if let action { fields.append(("action", action)) }
        return fields
    }

    static func path(_ setup: Setup) -> String { "/patients/\(setup.patient.uuidString)/session" }

    @Test func theFormOffersEveryUsableVialPerRowAndTheUnitsAlreadyGiven() async throws {
        try await withTestApp { app, _ in
            let setup = try await Self.setup(app)
            let page = try await setup.browser.get(Self.path(setup))
            #expect(page.status == .ok)
            #expect(page.body.contains("<select id=\"vial1\" name=\"vial1\"><option value selected>Choose a vial</option>"))
            #expect(page.body.contains("<select id=\"vial2\" name=\"vial2\"><option value selected>Same vial as the row above</option>"))
            #expect(page.body.contains("LOT-A — onabotulinumtoxinA 100 U — 4 U per 0.1 mL"))
            #expect(page.body.contains("LOT-B — onabotulinumtoxinA 100 U — 2.5 U per 0.1 mL"))
            // The consent (120 days old) with the date it is in force until, from the clinic's 12 months.
            let until = setup.today.adding(days: -120).adding(months: 12).adding(days: -1)
            #expect(page.body.contains("information v3, in force until \(WebFormat.date(until))"))
            // The vial of the earlier session was reconstituted 83 days ago: not offered.
            #expect(!page.body.contains("OLD —"))
            #expect(page.body.contains("<input type=\"hidden\" id=\"rowCount\" name=\"rowCount\" value=\"10\"/>"))
            #expect(page.body.contains("id=\"site10\"") && !page.body.contains("id=\"site11\""))
            // 40 U 83 days ago, inside the 84 days that end today.
            let from = WebFormat.date(setup.today.adding(days: -83))
            #expect(page.body.contains("<strong>onabotulinumtoxinA</strong>: 40 U already given in 1 other session from \(from) to \(WebFormat.date(setup.today)); limit 400 U in any 84 days."))
            #expect(page.body.contains("data-session-check=\"/patients/\(setup.patient.uuidString)/sessions/check\""))
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "TreatmentSession", patient: setup.patient) == 2)
        }
    }

    @Test func withOneUsableVialTheFirstRowNamesIt() async throws {
        try await withTestApp { app, _ in
            let setup = try await Self.setup(app, history: false)
            try await VialModel.query(on: app.db).filter(\.$id == setup.weak).set(\.$state, to: VialState.discarded.rawValue).update()
            let page = try await setup.browser.get(Self.path(setup))
            #expect(page.body.contains("<option value=\"\(setup.strong.uuidString)\" selected>LOT-A"))
            #expect(page.body.contains("<strong>onabotulinumtoxinA</strong>: nothing given from"))
        }
    }

    @Test func twoVialsAreChartedRowByRowWithEachRowsVolume() async throws {
        try await withTestApp { app, _ in
            let setup = try await Self.setup(app)
            let answer = try await setup.browser.post(Self.path(setup), Self.fields(setup, rows: [
                (setup.strong, "tenderPoint:trapezius.left", "20"),
                (nil, "tenderPoint:trapezius.right", "20"),  // same vial as row 1
                (setup.weak, "muscle:levatorScapulae.right", "12.5"),
                (nil, "tenderPoint:occiput.left", "10"),  // same vial as row 3
            ], action: "chart"))
            #expect(answer.status == .seeOther, "\(answer.body.prefix(3000))")
            #expect(answer.location == "/patients/\(setup.patient.uuidString)?saved=session")
            let session = try #require(try await TreatmentSessionModel.query(on: app.db).filter(\.$patient.$id == setup.patient)
                .sort(\.$date, .descending).first())
            #expect(session.date == setup.today.iso)
            #expect(session.totalUnitsTenths == 625)
            let injections = try await InjectionModel.query(on: app.db).filter(\.$session.$id == session.id!).sort(\.$position).all()
            #expect(injections.map(\.$vial.id) == [setup.strong, setup.strong, setup.weak, setup.weak])
            // 20 U ÷ 40 U/mL twice, 12.5 U and 10 U ÷ 25 U/mL.
            #expect(injections.map(\.volumeMl) == ["0.5", "0.5", "0.5", "0.4"])
            #expect(try await VialModel.find(setup.weak, on: app.db)?.state == "inUse")
        }
    }

    @Test func overTheCumulativeLimitIsRefusedWithTheTotalsAndEveryRowKept() async throws {
        try await withTestApp { app, _ in
            let setup = try await Self.setup(app)
            // 7 × 50 + 11 = 361 U: within the 400 U per session, but 40 + 361 = 401 U in 84 days.
            let sites = ["trapezius.left", "trapezius.right", "occiput.left", "occiput.right", "supraspinatus.left",
                         "supraspinatus.right", "gluteal.left", "gluteal.right"]
            let rows = sites.enumerated().map { index, site in
                (index == 0 ? setup.strong : nil, "tenderPoint:\(site)", index == 7 ? "11" : "50")
            }
            let refused = try await setup.browser.post(Self.path(setup), Self.fields(setup, rows: rows))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("The session was not charted"))
            #expect(refused.body.contains("id=\"injections-error\"><span class=\"visually-hidden\">Error: </span>401 U of onabotulinumtoxinA in the 84 days \(setup.today.adding(days: -83).iso) to \(setup.today.iso)"))
            #expect(refused.body.contains("<dd id=\"total-session\">361 U of at most 400 U per session <span class=\"limit-status\">✓ Within the limit</span></dd>"))
            #expect(refused.body.contains("<dd id=\"total-cumulative\" class=\"is-over\">401 U of at most 400 U: 40 U in 1 other session + 361 U in this one <strong class=\"limit-status limit-status--over\">⚠ Over the limit</strong></dd>"))
            #expect(refused.body.contains("<output id=\"session-total\">361 U</output>"))
            #expect(refused.body.contains("<output id=\"volume8\">0.275 mL</output>"))
            // Everything typed is kept: the vial of row 1, the blank "same vial" of the others, the units.
            #expect(refused.body.contains("<option value=\"\(setup.strong.uuidString)\" selected>LOT-A"))
            #expect(refused.body.contains("id=\"units8\" name=\"units8\" class=\"narrow\" inputmode=\"decimal\" aria-label=\"Units of row 8\" value=\"11\""))
            #expect(refused.body.contains("<option value=\"tenderPoint:gluteal.right\" selected>"))
            #expect(try await TreatmentSessionModel.query(on: app.db).filter(\.$patient.$id == setup.patient).count() == 1)
        }
    }

    @Test func mixingProductsIsShownBesideTheRowOfTheOtherProduct() async throws {
        try await withTestApp { app, _ in
            let setup = try await Self.setup(app)
            let inco = try await F.vial(app, setup.api, product: "incobotulinumtoxinA", lot: "INCO-1",
                                        reconstitutedAt: JSONCoding.formatInstant(Date().addingTimeInterval(-3600)))
            let refused = try await setup.browser.post(Self.path(setup), Self.fields(setup, rows: [
                (setup.strong, "tenderPoint:trapezius.left", "20"), (inco, "tenderPoint:trapezius.right", "20"),
            ]))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"vial2-error\"><span class=\"visually-hidden\">Error: </span>One session uses one product; this one mixes onabotulinumtoxinA and incobotulinumtoxinA"))
            #expect(!refused.body.contains("id=\"vial1-error\""))
            #expect(refused.body.contains("<option value=\"\(inco.uuidString)\" selected>INCO-1"))
            #expect(refused.body.contains("No totals: the rows' vials must be known and of one product."))
            // Each row's volume is still shown, from its own vial.
            #expect(refused.body.contains("<output id=\"volume1\">0.5 mL</output>"))
            #expect(refused.body.contains("<output id=\"volume2\">0.5 mL</output>"))
            #expect(try await TreatmentSessionModel.query(on: app.db).filter(\.$patient.$id == setup.patient).count() == 1)
        }
    }

    @Test func aRowWithoutAVialIsRefusedBesideIt() async throws {
        try await withTestApp { app, _ in
            let setup = try await Self.setup(app)
            let refused = try await setup.browser.post(Self.path(setup), Self.fields(setup, rows: [(nil, "tenderPoint:trapezius.left", "20")]))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"vial1-error\"><span class=\"visually-hidden\">Error: </span>Choose the vial of row 1."))
            #expect(refused.body.contains("<a href=\"#vial1-field\">Choose the vial of row 1.</a>"))
        }
    }

    @Test func moreRowsAndCheckTotalsKeepWhatWasTypedAndWriteNothing() async throws {
        try await withTestApp { app, _ in
            let setup = try await Self.setup(app)
            let before = try await F.counts(app)
            let more = try await setup.browser.post(Self.path(setup), Self.fields(setup, rows: [
                (setup.strong, "tenderPoint:trapezius.left", "20"), (setup.weak, "tenderPoint:trapezius.left", "5"),
            ], action: "more", skip: "pregnant"))
            #expect(more.status == .ok)
            #expect(more.body.contains("id=\"rowCount\" name=\"rowCount\" value=\"15\""))
            #expect(more.body.contains("id=\"site15\"") && !more.body.contains("id=\"site16\""))
            #expect(more.body.contains("aria-label=\"Units of row 2\" value=\"5\""))
            #expect(!more.body.contains("error-summary"))  // not asked to chart: no refusal
            // Totals without the script: trapezius left 20 + 5 = 25 U; 40 + 25 = 65 U in 3 calendar months.
            #expect(more.body.contains("<td>Trapezius, left (tender point)</td><td>25 U</td><td>50 U</td>"))
            #expect(more.body.contains("<dd id=\"total-session\">25 U of at most 400 U per session"))
            #expect(more.body.contains("<dd id=\"total-cumulative\">65 U of at most 400 U: 40 U in 1 other session + 25 U in this one"))
            #expect(more.body.contains("<output id=\"volume2\">0.2 mL</output>"))

            let check = try await setup.browser.post(Self.path(setup), Self.fields(setup, rows: [
                (setup.strong, "tenderPoint:trapezius.left", "20"),
            ], action: "check", skip: "pregnant"))
            #expect(check.status == .ok)
            #expect(check.body.contains("Charting now would be refused"))
            #expect(check.body.contains("id=\"screening-pregnant-error\""))
            #expect(try await F.counts(app) == before)
        }
    }

    @Test func onlyAClinicianSeesTheOverrideBox() async throws {
        try await withTestApp { app, _ in
            let clinician = try await Self.setup(app)
            #expect(try await clinician.browser.get(Self.path(clinician)).body.contains("id=\"overrideReason\""))
        }
        try await withTestApp { app, _ in
            let nurse = try await Self.setup(app, .nurse)
            let page = try await nurse.browser.get(Self.path(nurse))
            #expect(page.status == .ok)
            #expect(!page.body.contains("overrideReason"))
            #expect(page.body.contains("id=\"supervisorId\""))
        }
    }

    @Test func theScriptAsksTheCheckWithThePagesSessionAndToken() async throws {
        try await withTestApp { app, _ in
            let setup = try await Self.setup(app)
            let page = try await setup.browser.get(Self.path(setup))
            let token = try #require(page.csrfToken)
            let body = try JSONSerialization.data(withJSONObject: F.session(
                date: setup.today.iso, consent: setup.consent, injections: [F.injection(setup.weak, tenderPoint: "knee.right", units: 7.5)]))
            func ask(_ headers: HTTPHeaders) async throws -> (HTTPStatus, String) {
                var result: (HTTPStatus, String) = (.ok, "")
                var all = headers
                all.add(name: .cookie, value: "\(WebSession.cookieName)=\(setup.browser.sessionCookie ?? "")")
                all.contentType = .json
                try await app.testing().test(.POST, "/patients/\(setup.patient.uuidString)/sessions/check", headers: all,
                                             beforeRequest: { request in request.body = ByteBuffer(data: body) },
                                             afterResponse: { (response: TestingHTTPResponse) in
                                                 result = (response.status, String(buffer: response.body))
                                             })
                return result
            }
            let (status, text) = try await ask([CSRFToken.headerName: token])
            #expect(status == .ok)
            let check = try JSONCoding.decoder().decode(SessionCheckDTO.self, from: Data(text.utf8))
            #expect(check.totalUnits == Units(tenths: 75))
            #expect(check.injections.first?.volumeMl == Decimal(string: "0.3"))
            #expect(check.cumulative?.units == Units(tenths: 475))
            #expect(try await ask([:]).0 == .forbidden)
        }
    }
}
