import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// The settings page edits through the settings API: what it saves is what `GET /api/settings`
/// answers, audited by the API with its "raised above default" flag.
@Suite struct AdminSettingsTests {
    static func settings(_ app: Application, _ token: SignedIn) async throws -> [String: Any] {
        let reply = try await app.records(.GET, "api/settings", token)
        #expect(reply.status == .ok)
        return try reply.object()
    }

    static func limits(_ settings: [String: Any], _ product: String) -> [String: Any]? {
        ((settings["doseLimits"] as? [String: Any])?[product] as? [String: Any])
    }

    static func settingAudit(_ app: Application) async throws -> [AuditEventModel] {
        await app.flushAudit()
        return try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "ClinicSetting")
            .filter(\.$action == "update").sort(\.$at).all()
    }

    @Test func theSettingsPageShowsWhatIsInForceAndTheFixedRules() async throws {
        try await withTestApp { app, _ in
            let (admin, _) = try await UserAdminTests.admin(app)
            let page = try await admin.get("/admin/settings")
            #expect(page.status == .ok)
            #expect(page.body.contains("<strong id=\"time-zone\">Europe/London</strong>"))
            #expect(page.body.contains("84 days (12 weeks)"))
            // Monday to Friday, 09:00–17:00, by default.
            #expect(page.body.contains("id=\"open-monday\" name=\"open-monday\" value=\"on\" aria-label=\"Open on Monday\" checked"))
            #expect(!page.body.contains("aria-label=\"Open on Sunday\" checked"))
            #expect(page.body.contains("id=\"opens-monday\" name=\"opens-monday\" aria-label=\"Opens on Monday\" value=\"09:00\""))
            // Label defaults beside what is in force (onabotulinumtoxinA 50 / 400 / 400 U; daxibotulinumtoxinA none).
            #expect(page.body.contains("<span id=\"onabotulinumtoxinA-effective\">50 / 400 / 400 U</span>"))
            #expect(page.body.contains("<span id=\"daxibotulinumtoxinA-effective\">not set</span>"))
            #expect(!page.body.contains("id=\"onabotulinumtoxinA-raised\""))
        }
    }

    @Test func doseLimitsSavedOnThePageAreWhatTheAPIAnswersAndAreAudited() async throws {
        try await withTestApp { app, _ in
            let (admin, adminID) = try await UserAdminTests.admin(app)
            let token = try await app.signIn(.admin)
            try await admin.get("/admin/settings")
            let lowered = try await admin.post("/admin/settings/dose-limits/onabotulinumtoxinA",
                                               [("perSite", "40"), ("perSession", "300"), ("cumulativeThreeMonths", "350.5")])
            #expect(lowered.status == .seeOther)
            #expect(lowered.location == "/admin/settings?saved=limits-onabotulinumtoxinA#limits-onabotulinumtoxinA")
            let effective = try #require(Self.limits(try await Self.settings(app, token), "onabotulinumtoxinA")?["effective"] as? [String: Any])
            #expect(effective["perSite"] as? Double == 40)
            #expect(effective["perSession"] as? Double == 300)
            #expect(effective["cumulativeThreeMonths"] as? Double == 350.5)
            var records = try await Self.settingAudit(app)
            #expect(records.count == 1)
            #expect(records.first?.userID == adminID)
            #expect(records.first?.resourceID == "doseLimits.onabotulinumtoxinA")
            #expect(records.first?.detail == "onabotulinumtoxinA: 50/400/400 U → 40/300/350.5 U (per site/per session/3 months)")

            // Raising above the label's default is allowed for an admin, flagged on the page and in the audit.
            let raised = try await admin.post("/admin/settings/dose-limits/onabotulinumtoxinA",
                                              [("perSite", "60"), ("perSession", "400"), ("cumulativeThreeMonths", "400")])
            #expect(raised.status == .seeOther)
            let page = try await admin.get(try #require(raised.location))
            #expect(page.body.contains("Saved: the dose limits for onabotulinumtoxinA."))
            #expect(page.body.contains("<span class=\"badge badge--warn\" id=\"onabotulinumtoxinA-raised\">Raised above the label&#39;s default</span>"))
            records = try await Self.settingAudit(app)
            #expect(records.last?.detail?.hasSuffix("; RAISED ABOVE DEFAULT (50/400/400 U)") == true)

            // A product without a default becomes chartable, flagged as the clinic's own.
            try await admin.post("/admin/settings/dose-limits/prabotulinumtoxinA",
                                 [("perSite", "20"), ("perSession", "100"), ("cumulativeThreeMonths", "100")])
            #expect(Self.limits(try await Self.settings(app, token), "prabotulinumtoxinA")?["chartable"] as? Bool == true)
            #expect(try await admin.get("/admin/settings").body.contains("Set by the clinic: the label has no default"))

            // Back to the default.
            let reset = try await admin.post("/admin/settings/dose-limits/onabotulinumtoxinA/reset", [])
            #expect(reset.location == "/admin/settings?saved=reset-onabotulinumtoxinA#limits-onabotulinumtoxinA")
            #expect(Self.limits(try await Self.settings(app, token), "onabotulinumtoxinA")?["clinicSet"] as? Bool == false)
            #expect(try await Self.settingAudit(app).count == 4)
        }
    }

    @Test func refusedLimitsAreShownBesideTheirFieldsAsTyped() async throws {
        try await withTestApp { app, _ in
            let (admin, _) = try await UserAdminTests.admin(app)
            try await admin.get("/admin/settings")
            // The core's rule: a site's limit cannot exceed the session's.
            let refused = try await admin.post("/admin/settings/dose-limits/incobotulinumtoxinA",
                                               [("perSite", "500"), ("perSession", "400"), ("cumulativeThreeMonths", "400")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"incobotulinumtoxinA-perSite-error\""))
            #expect(refused.body.contains("The per-site limit (500 U) cannot exceed the per-session limit (400 U)."))
            #expect(refused.body.contains("id=\"incobotulinumtoxinA-perSite\" name=\"perSite\" class=\"narrow\" inputmode=\"decimal\" value=\"500\""))
            // Not a number: the page says so without asking the API.
            let typo = try await admin.post("/admin/settings/dose-limits/incobotulinumtoxinA",
                                            [("perSite", "12abc"), ("perSession", "400"), ("cumulativeThreeMonths", "400")])
            #expect(typo.status == .unprocessableEntity)
            #expect(typo.body.contains("Enter the per-site limit in units, such as 50 or 12.5."))
            #expect(typo.body.contains("value=\"12abc\""))
            #expect(try await Self.settingAudit(app).isEmpty)
            #expect(try await ClinicSettingModel.query(on: app.db).count() == 0)
        }
    }

    @Test func openingDaysHoursAndClosedDatesSaveThroughTheAPI() async throws {
        try await withTestApp { app, _ in
            let (admin, _) = try await UserAdminTests.admin(app)
            let token = try await app.signIn(.admin)
            try await admin.get("/admin/settings")
            var fields: [(String, String)] = [("closedDates", "2026-12-25\n2026-12-28")]
            for day in ["monday", "tuesday", "wednesday", "thursday"] {
                fields += [("open-\(day)", "on"), ("opens-\(day)", day == "monday" ? "08:30" : "09:00"), ("closes-\(day)", "16:00")]
            }
            fields += [("opens-friday", "09:00"), ("closes-friday", "17:00")]
            let saved = try await admin.post("/admin/settings/calendar", fields)
            #expect(saved.status == .seeOther)
            let settings = try await Self.settings(app, token)
            #expect(settings["openWeekdays"] as? [String] == ["monday", "tuesday", "wednesday", "thursday"])
            let monday = (settings["openingHours"] as? [String: Any])?["monday"] as? [String: Int]
            #expect(monday == ["open": 510, "close": 960])
            #expect(settings["closedDates"] as? [String] == ["2026-12-25", "2026-12-28"])
            #expect(try await Self.settingAudit(app).map(\.detail) == ["open monday,tuesday,wednesday,thursday; 2 closed dates; bank holidays englandAndWales"])

            // Closing before opening, and a date that is not one: beside their fields, as typed.
            let refused = try await admin.post("/admin/settings/calendar", [
                ("open-monday", "on"), ("opens-monday", "17:00"), ("closes-monday", "09:00"), ("closedDates", "2026-02-30"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"hours-monday-error\""))
            #expect(refused.body.contains("On Monday the clinic must open before it closes (17:00–09:00)."))
            #expect(refused.body.contains("“2026-02-30” is not a date"))
            #expect(refused.body.contains(">2026-02-30</textarea>"))
            // No open day at all: the core's rule, from the API.
            let closed = try await admin.post("/admin/settings/calendar", [("closedDates", "")])
            #expect(closed.status == .unprocessableEntity)
            #expect(closed.body.contains("The clinic must be open on at least one weekday."))
            #expect(try await Self.settingAudit(app).count == 1)
        }
    }

    @Test func thePregnancyPolicySavesThroughTheAPI() async throws {
        try await withTestApp { app, _ in
            let (admin, _) = try await UserAdminTests.admin(app)
            let token = try await app.signIn(.admin)
            try await admin.get("/admin/settings")
            let saved = try await admin.post("/admin/settings/pregnancy-policy", [("effect", "needsAcknowledgement")])
            #expect(saved.location == "/admin/settings?saved=pregnancy#pregnancy")
            #expect(try await Self.settings(app, token)["pregnancyPolicy"] as? String == "needsAcknowledgement")
            let refused = try await admin.post("/admin/settings/pregnancy-policy", [("effect", "sometimes")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Choose one of the two policies."))
            #expect(try await Self.settingAudit(app).map(\.detail) == ["blocks → needsAcknowledgement"])
        }
    }

    @Test func theBankHolidayRegionIsChosenWithTheOpeningDays() async throws {
        try await withTestApp { app, _ in
            let (admin, _) = try await UserAdminTests.admin(app)
            let token = try await app.signIn(.admin)
            let page = try await admin.get("/admin/settings")
            // England and Wales by default, labelled, with this year's holidays listed.
            #expect(page.body.contains("<label for=\"holidayRegion\">Bank holidays</label>"))
            #expect(page.body.contains("<option value=\"englandAndWales\" selected>England and Wales</option>"))
            #expect(page.body.contains("<option value=\"none\">None (closed dates only)</option>"))
            let year = CalendarDate(Date(), in: ClinicCalendar.london).year
            #expect(page.body.contains("In \(year) (England and Wales): New Year&#39;s Day "))
            #expect(AdminSettingsPage.View.dayMonth(CalendarDate(iso: "2026-12-28")!) == "28 December")

            var fields: [(String, String)] = [("closedDates", "2026-06-15"), ("holidayRegion", "scotland")]
            for day in ["monday", "tuesday", "wednesday", "thursday", "friday"] {
                fields += [("open-\(day)", "on"), ("opens-\(day)", "09:00"), ("closes-\(day)", "17:00")]
            }
            let saved = try await admin.post("/admin/settings/calendar", fields)
            #expect(saved.status == .seeOther)
            let settings = try await Self.settings(app, token)
            #expect(settings["holidayRegion"] as? String == "scotland")
            #expect(settings["closedDates"] as? [String] == ["2026-06-15"])
            let shown = try await admin.get(try #require(saved.location))
            #expect(shown.body.contains("<option value=\"scotland\" selected>Scotland</option>"))
            #expect(shown.body.contains("St Andrew&#39;s Day"))
            #expect(try await Self.settingAudit(app).map(\.detail)
                == ["open monday,tuesday,wednesday,thursday,friday; 1 closed dates; bank holidays scotland (was englandAndWales)"])

            // A region that is not one of the four: beside the field, the form as typed, nothing saved.
            fields[0] = ("closedDates", "2026-06-16")
            fields[1] = ("holidayRegion", "wales")
            let refused = try await admin.post("/admin/settings/calendar", fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"holidayRegion-error\""))
            #expect(refused.body.contains("holidayRegion must be one of englandAndWales, scotland, northernIreland, none."))
            #expect(refused.body.contains(">2026-06-16</textarea>"))
            #expect(try await Self.settings(app, token)["closedDates"] as? [String] == ["2026-06-15"])
            #expect(try await Self.settingAudit(app).count == 1)
        }
    }

    @Test func consentValidityAndDiaryReachSaveThroughTheAPI() async throws {
        try await withTestApp { app, _ in
            let (admin, adminID) = try await UserAdminTests.admin(app)
            let token = try await app.signIn(.admin)
            let page = try await admin.get("/admin/settings")
            // Shown with their labels, the defaults filled in, inside a form with the CSRF field.
            #expect(page.body.contains("<label for=\"consentValidityMonths\">A consent stays in force for (months)</label>"))
            #expect(page.body.contains("<label for=\"diaryMaxDaysBack\">A diary entry may describe a day up to (days back)</label>"))
            #expect(page.body.contains("id=\"consentValidityMonths\" name=\"consentValidityMonths\" class=\"narrow\" inputmode=\"numeric\" aria-describedby=\"consentValidityMonths-hint\" value=\"12\""))
            #expect(page.body.contains("id=\"diaryMaxDaysBack\" name=\"diaryMaxDaysBack\" class=\"narrow\" inputmode=\"numeric\" aria-describedby=\"diaryMaxDaysBack-hint\" value=\"7\""))
            let form = try #require(page.body.range(of: "action=\"/admin/settings/periods\""))
            #expect(page.body[form.upperBound...].prefix(400).contains("name=\"_csrf\""))

            let saved = try await admin.post("/admin/settings/periods", [("consentValidityMonths", "6"), ("diaryMaxDaysBack", "14")])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/admin/settings?saved=periods#periods")
            let settings = try await Self.settings(app, token)
            #expect(settings["consentValidityMonths"] as? Int == 6)
            #expect(settings["diaryMaxDaysBack"] as? Int == 14)
            let records = try await Self.settingAudit(app)
            #expect(records.map(\.detail) == ["consent in force 12 → 6 months; diary back 7 → 14 days"])
            #expect(records.first?.userID == adminID)
            let shown = try await admin.get(try #require(saved.location))
            #expect(shown.body.contains("Saved: how long a consent stays in force and how far back a diary entry may reach."))
            #expect(shown.body.contains("value=\"6\""))

            // Out of range: the core's message from the API, beside the field, as typed.
            let high = try await admin.post("/admin/settings/periods", [("consentValidityMonths", "25"), ("diaryMaxDaysBack", "14")])
            #expect(high.status == .unprocessableEntity)
            #expect(high.body.contains("id=\"consentValidityMonths-error\""))
            #expect(high.body.contains("A consent stays in force for 1 to 24 whole months; got 25."))
            #expect(high.body.contains("aria-describedby=\"consentValidityMonths-hint consentValidityMonths-error\" value=\"25\""))
            let days = try await admin.post("/admin/settings/periods", [("consentValidityMonths", "6"), ("diaryMaxDaysBack", "31")])
            #expect(days.status == .unprocessableEntity)
            #expect(days.body.contains("A diary entry may reach back 0 to 30 whole days; got 31."))
            // Not a whole number: the page says so itself.
            let fraction = try await admin.post("/admin/settings/periods", [("consentValidityMonths", "3.5"), ("diaryMaxDaysBack", "")])
            #expect(fraction.status == .unprocessableEntity)
            #expect(fraction.body.contains("Enter a whole number of months from 1 to 24."))
            #expect(fraction.body.contains("Enter a whole number of days from 0 to 30."))
            #expect(fraction.body.contains("value=\"3.5\""))
            let huge = try await admin.post("/admin/settings/periods", [("consentValidityMonths", "99999999999999999999"), ("diaryMaxDaysBack", "7")])
            #expect(huge.status == .unprocessableEntity)
            #expect(huge.body.contains("Enter a whole number of months from 1 to 24."))
            // Without the CSRF token: refused, nothing saved.
            let forged = try await admin.post("/admin/settings/periods", [("consentValidityMonths", "2"), ("diaryMaxDaysBack", "2")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await Self.settings(app, token)["consentValidityMonths"] as? Int == 6)
            #expect(try await Self.settingAudit(app).count == 1)
        }
    }
}
