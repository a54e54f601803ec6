import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

@Suite struct SettingsAPITests {
    typealias F = TreatmentFixture

    static func limits(_ reply: F.Reply, _ product: String) -> [String: Any] {
        ((reply.json["doseLimits"] as? [String: Any])?[product] as? [String: Any]) ?? [:]
    }

    @Test func theDefaultsOfDomainMd() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let reply = try await F.send(app, .GET, "api/settings", clinician)
            #expect(reply.status == .ok)
            let ona = Self.limits(reply, "onabotulinumtoxinA")
            #expect((ona["effective"] as? [String: Int]) == ["perSite": 50, "perSession": 400, "cumulativeThreeMonths": 400])
            #expect((ona["default"] as? [String: Int]) == ["perSite": 50, "perSession": 400, "cumulativeThreeMonths": 400])
            #expect(ona["clinicSet"] as? Bool == false)
            let dysport = Self.limits(reply, "abobotulinumtoxinA")
            #expect((dysport["effective"] as? [String: Int]) == ["perSite": 150, "perSession": 1000, "cumulativeThreeMonths": 1000])
            let daxi = Self.limits(reply, "daxibotulinumtoxinA")
            #expect(daxi["effective"] is NSNull)
            #expect(daxi["chartable"] as? Bool == false)
            #expect(reply.json["pregnancyPolicy"] as? String == "blocks")
            #expect(reply.json["openWeekdays"] as? [String] == ["monday", "tuesday", "wednesday", "thursday", "friday"])
            #expect((reply.json["openingHours"] as? [String: [String: Int]])?["monday"] == ["open": 540, "close": 1020])
            #expect(reply.json["closedDates"] as? [String] == [])
            #expect(reply.json["timeZone"] as? String == "Europe/London")
            // A clinic in Europe/London closes on England and Wales' bank holidays unless set.
            #expect(reply.json["holidayRegion"] as? String == "englandAndWales")
            #expect(reply.json["consentValidityMonths"] as? Int == 12)
            #expect(reply.json["diaryMaxDaysBack"] as? Int == 7)

            let nurse = try await app.signIn(.nurse)
            #expect(try await F.send(app, .GET, "api/settings", nurse).status == .ok)
            let reception = try await app.signIn(.reception)
            #expect(try await F.send(app, .GET, "api/settings", reception).status == .forbidden)
        }
    }

    @Test func anAdminLowersALimitAndSessionsFollowIt() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let clinician = try await app.signIn(.clinician)
            let lowered = try await F.send(app, .PUT, "api/settings/dose-limits/onabotulinumtoxinA", admin,
                                           json: ["perSite": 30, "perSession": 300, "cumulativeThreeMonths": 400])
            #expect(lowered.status == .ok, "\(lowered.text)")
            let ona = Self.limits(lowered, "onabotulinumtoxinA")
            #expect((ona["effective"] as? [String: Int]) == ["perSite": 30, "perSession": 300, "cumulativeThreeMonths": 400])
            #expect((ona["default"] as? [String: Int])?["perSite"] == 50)
            #expect(ona["clinicSet"] as? Bool == true)
            let audit = try #require(try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "ClinicSetting").first())
            #expect(audit.detail == "onabotulinumtoxinA: 50/400/400 U → 30/300/400 U (per site/per session/3 months)")
            #expect(audit.userID == admin.userID)
            #expect(audit.resourceID == "doseLimits.onabotulinumtoxinA")

            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vial = try await F.vial(app, clinician)
            let over = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                        json: F.session(date: "2026-06-01", consent: consent,
                                                        injections: [F.injection(vial, tenderPoint: "knee.left", units: 31)]))
            #expect(over.problems == ["dose_limit_exceeded@injections[0].units"])
            let at = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                      json: F.session(date: "2026-06-01", consent: consent,
                                                      injections: [F.injection(vial, tenderPoint: "knee.left", units: 30)]))
            #expect(at.status == .created, "\(at.text)")

            let reset = try await F.send(app, .DELETE, "api/settings/dose-limits/onabotulinumtoxinA", admin)
            #expect((Self.limits(reset, "onabotulinumtoxinA")["effective"] as? [String: Int])?["perSite"] == 50)
        }
    }

    @Test func aRaiseAboveTheDefaultIsFlagged() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let raised = try await F.send(app, .PUT, "api/settings/dose-limits/onabotulinumtoxinA", admin,
                                          json: ["perSite": 60, "perSession": 400, "cumulativeThreeMonths": 400])
            #expect(raised.status == .ok)
            let dax = try await F.send(app, .PUT, "api/settings/dose-limits/daxibotulinumtoxinA", admin,
                                       json: ["perSite": 40, "perSession": 300, "cumulativeThreeMonths": 300])
            #expect(Self.limits(dax, "daxibotulinumtoxinA")["chartable"] as? Bool == true)
            let details = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "ClinicSetting").sort(\.$at).all()
                .compactMap(\.detail)
            #expect(details == [
                "onabotulinumtoxinA: 50/400/400 U → 60/400/400 U (per site/per session/3 months); RAISED ABOVE DEFAULT (50/400/400 U)",
                "daxibotulinumtoxinA: not set → 40/300/300 U (per site/per session/3 months); RAISED ABOVE DEFAULT (the product has no default)",
            ])
        }
    }

    @Test func badLimitsAndOtherRolesChangeNothing() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let clinician = try await app.signIn(.clinician)
            let body: [String: Any] = ["perSite": 500, "perSession": 400, "cumulativeThreeMonths": 400]
            let incoherent = try await F.send(app, .PUT, "api/settings/dose-limits/onabotulinumtoxinA", admin, json: body)
            #expect(incoherent.problems == ["value_out_of_range@perSite"])
            let zero = try await F.send(app, .PUT, "api/settings/dose-limits/onabotulinumtoxinA", admin,
                                        json: ["perSite": 0, "perSession": 400, "cumulativeThreeMonths": 400])
            #expect(zero.problems == ["value_out_of_range@perSite"])
            let missing = try await F.send(app, .PUT, "api/settings/dose-limits/onabotulinumtoxinA", admin, json: ["perSite": 10])
            #expect(missing.error?.error.field == "perSession")
            #expect(try await F.send(app, .PUT, "api/settings/dose-limits/botox", admin,
                                     json: ["perSite": 10, "perSession": 10, "cumulativeThreeMonths": 10]).status == .notFound)
            #expect(try await F.send(app, .PUT, "api/settings/dose-limits/onabotulinumtoxinA", clinician,
                                     json: ["perSite": 10, "perSession": 10, "cumulativeThreeMonths": 10]).status == .forbidden)
            #expect(try await F.send(app, .PUT, "api/settings/pregnancy-policy", clinician,
                                     json: ["effect": "needsAcknowledgement"]).status == .forbidden)
            #expect(try await ClinicSettingModel.query(on: app.db).count() == 0)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "ClinicSetting")
                .filter(\.$outcome == "success").count() == 0)
        }
    }

    @Test func pregnancyMayNeedAcknowledgementInstead() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vial = try await F.vial(app, clinician)
            let pregnant = F.session(date: "2026-06-01", consent: consent, injections: F.standardInjections(vial),
                                     screening: F.screening(yes: "pregnant"))
            let blocked = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician, json: pregnant)
            #expect(blocked.problems == ["contraindicated@screening.pregnant"])

            let changed = try await F.send(app, .PUT, "api/settings/pregnancy-policy", admin, json: ["effect": "needsAcknowledgement"])
            #expect(changed.json["pregnancyPolicy"] as? String == "needsAcknowledgement")
            let unacknowledged = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician, json: pregnant)
            #expect(unacknowledged.problems == ["acknowledgement_required@screening.pregnant"])
            var acknowledged = pregnant
            acknowledged["acknowledged"] = ["pregnant"]
            let accepted = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician, json: acknowledged)
            #expect(accepted.status == .created, "\(accepted.text)")
            #expect(accepted.json["acknowledged"] as? [String] == ["pregnant"])

            let bad = try await F.send(app, .PUT, "api/settings/pregnancy-policy", admin, json: ["effect": "ignore"])
            #expect(bad.problems == ["unknown_identifier@effect"])
        }
    }

    @Test func aClosedDateMovesAFollowUp() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let clinician = try await app.signIn(.clinician)
            let calendar = try await F.send(app, .PUT, "api/settings/calendar", admin,
                                            json: ["closedDates": ["2026-06-09"], "openingHours": ["tuesday": ["open": 600, "close": 960]]])
            #expect(calendar.status == .ok, "\(calendar.text)")
            #expect(calendar.json["closedDates"] as? [String] == ["2026-06-09"])
            let hours = calendar.json["openingHours"] as? [String: [String: Int]]
            #expect(hours?["tuesday"] == ["open": 600, "close": 960])
            #expect(hours?["monday"] == ["open": 540, "close": 1020])

            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vial = try await F.vial(app, clinician)
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: "2026-06-01", consent: consent, injections: F.standardInjections(vial)))
            let session = try reply.decode(SessionDTO.self)
            // Day 8, Tuesday 9 June, is closed: Wednesday 10 June.
            #expect(session.followUps.first?.nominalDate.iso == "2026-06-09")
            #expect(session.followUps.first?.date.iso == "2026-06-10")

            let none = try await F.send(app, .PUT, "api/settings/calendar", admin, json: ["openWeekdays": []])
            #expect(none.problems == ["invalid_value@openWeekdays"])
            let typo = try await F.send(app, .PUT, "api/settings/calendar", admin,
                                        json: ["openWeekdays": ["monday", "funday"], "closedDates": ["2026-6-1"]])
            #expect(typo.problems == ["unknown_identifier@openWeekdays[1]", "invalid_date@closedDates[0]"])
            let stray = try await F.send(app, .PUT, "api/settings/calendar", admin,
                                         json: ["openWeekdays": ["monday"], "openingHours": ["tuesday": ["open": 600, "close": 960]]])
            #expect(stray.problems == ["invalid_value@openingHours"])
            // Closing Tuesdays drops their hours with them.
            let monday = try await F.send(app, .PUT, "api/settings/calendar", admin, json: ["openWeekdays": ["monday"]])
            #expect(monday.status == .ok, "\(monday.text)")
            #expect((monday.json["openingHours"] as? [String: Any])?.keys.sorted() == ["monday"])
        }
    }

    /// A body sent as typed (numbers JSONSerialization would not write, such as 30 digits).
    static func sendRaw(_ app: Application, _ method: HTTPMethod, _ path: String, _ auth: SignedIn, _ body: String) async throws -> F.Reply {
        var reply = F.Reply(status: .ok, text: "")
        try await app.testing().test(method, path, headers: auth.headers, beforeRequest: { request in
            request.headers.contentType = .json
            request.body = ByteBuffer(string: body)
        }, afterResponse: { (response: TestingHTTPResponse) in
            reply = F.Reply(status: response.status, text: String(buffer: response.body))
        })
        return reply
    }

    /// A patient's first session on `date` (a vial reconstituted that morning); its follow-ups.
    static func followUps(_ app: Application, _ clinician: SignedIn, on date: String, lot: String) async throws -> [[String]] {
        let patient = try await F.patient(app, clinician, family: "Patient \(lot)")
        let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
        let vial = try await F.vial(app, clinician, lot: lot, reconstitutedAt: "\(date)T08:00:00Z")
        let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                     json: F.session(date: date, consent: consent, injections: F.standardInjections(vial)))
        #expect(reply.status == .created, "\(reply.text)")
        let session = try reply.decode(SessionDTO.self)
        // The appointments booked for them are on the same (open) days.
        let zone = ClinicCalendar.london
        let booked = try await AppointmentModel.query(on: app.db).filter(\.$patient.$id == patient).sort(\.$startAt).all()
        #expect(booked.map { CalendarDate($0.startAt, in: zone) } == session.followUps.map(\.date))
        return session.followUps.map { [$0.kind.rawValue, $0.nominalDate.iso, $0.date.iso] }
    }

    @Test func theRegionsBankHolidaysMoveFollowUpsAndTheirBookings() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let clinician = try await app.signIn(.clinician)
            // England and Wales by default: Friday 4 December 2026 + 21 is Christmas Day; the
            // weekend and Monday 28 (Boxing Day's substitute) are closed → Tuesday 29.
            #expect(try await Self.followUps(app, clinician, on: "2026-12-04", lot: "EW1") == [
                ["onset-check", "2026-12-12", "2026-12-14"],
                ["peak-review", "2026-12-25", "2026-12-29"],
                ["reassessment", "2027-02-26", "2027-02-26"],
            ])
            // Scotland: Monday 9 November 2026 + 21 is St Andrew's Day (Monday 30) → Tuesday 1 December.
            let scotland = try await F.send(app, .PUT, "api/settings/calendar", admin, json: ["holidayRegion": "scotland"])
            #expect(scotland.status == .ok, "\(scotland.text)")
            #expect(scotland.json["holidayRegion"] as? String == "scotland")
            #expect(scotland.json["closedDates"] as? [String] == [])
            #expect(try await Self.followUps(app, clinician, on: "2026-11-09", lot: "SC1") == [
                ["onset-check", "2026-11-17", "2026-11-17"],
                ["peak-review", "2026-11-30", "2026-12-01"],
                ["reassessment", "2027-02-01", "2027-02-01"],
            ])
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "ClinicSetting")
                .filter(\.$resourceID == "calendar").all()
            #expect(audit.compactMap(\.detail) == ["open monday,tuesday,wednesday,thursday,friday; 0 closed dates; bank holidays scotland (was englandAndWales)"])

            // None: only the clinic's own closed dates; Christmas Day 2026 (a Friday) is open.
            let none = try await F.send(app, .PUT, "api/settings/calendar", admin, json: ["holidayRegion": "none"])
            #expect(none.json["holidayRegion"] as? String == "none")
            #expect(try await Self.followUps(app, clinician, on: "2026-12-04", lot: "NO1")[1] == ["peak-review", "2026-12-25", "2026-12-25"])

            // Not one of the four: refused naming the field, nothing changed.
            let wales = try await F.send(app, .PUT, "api/settings/calendar", admin, json: ["holidayRegion": "wales", "closedDates": ["2026-12-24"]])
            #expect(wales.status == .unprocessableEntity)
            #expect(wales.problems == ["unknown_identifier@holidayRegion"])
            let typed = try await F.send(app, .PUT, "api/settings/calendar", admin, json: ["holidayRegion": 3])
            #expect(typed.problems == ["invalid_value@holidayRegion"])
            let after = try await F.send(app, .GET, "api/settings", admin)
            #expect(after.json["holidayRegion"] as? String == "none")
            #expect(after.json["closedDates"] as? [String] == [])
            #expect(try await F.send(app, .PUT, "api/settings/calendar", clinician, json: ["holidayRegion": "scotland"]).status == .forbidden)
        }
    }

    @Test func consentValidityAndDiaryReachAreWholeNumbersInTheirRanges() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let clinician = try await app.signIn(.clinician)
            let zone = ClinicCalendar.london
            let set = try await F.send(app, .PUT, "api/settings/periods", admin, json: ["consentValidityMonths": 6, "diaryMaxDaysBack": 3])
            #expect(set.status == .ok, "\(set.text)")
            #expect(set.json["consentValidityMonths"] as? Int == 6)
            #expect(set.json["diaryMaxDaysBack"] as? Int == 3)
            var rules = try await ClinicSettingsStore.rules(on: app.db, timeZone: zone)
            #expect(rules.consentValidityMonths == 6)
            #expect(rules.diaryMaxDaysBack == 3)
            // Either alone; the other stays.
            let months = try await F.send(app, .PUT, "api/settings/periods", admin, json: ["consentValidityMonths": 24])
            #expect(months.json["consentValidityMonths"] as? Int == 24)
            #expect(months.json["diaryMaxDaysBack"] as? Int == 3)
            // Boundaries accepted: 1 month, 0 and 30 days.
            for body in [["consentValidityMonths": 1], ["diaryMaxDaysBack": 0], ["diaryMaxDaysBack": 30]] {
                #expect(try await F.send(app, .PUT, "api/settings/periods", admin, json: body).status == .ok)
            }
            let details = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "ClinicSetting")
                .filter(\.$resourceID == "periods").sort(\.$at).all().compactMap(\.detail)
            #expect(details == ["consent in force 12 → 6 months; diary back 7 → 3 days", "consent in force 6 → 24 months",
                                "consent in force 24 → 1 months", "diary back 3 → 0 days", "diary back 0 → 30 days"])

            // Out of range, fractions, numbers beyond Int, text: 422 naming the field, nothing written.
            let refused: [(String, [String])] = [
                (#"{"consentValidityMonths": 0}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": 25}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": -1}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": 3.5}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": 9223372036854775807}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": -9223372036854775808}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": 18446744073709551615}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": 1e19}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": 123456789012345678901234567890}"#, ["value_out_of_range@consentValidityMonths"]),
                (#"{"consentValidityMonths": "12"}"#, ["invalid_value@consentValidityMonths"]),
                (#"{"diaryMaxDaysBack": 31}"#, ["value_out_of_range@diaryMaxDaysBack"]),
                (#"{"diaryMaxDaysBack": -1}"#, ["value_out_of_range@diaryMaxDaysBack"]),
                (#"{"diaryMaxDaysBack": 7.25}"#, ["value_out_of_range@diaryMaxDaysBack"]),
                (#"{"consentValidityMonths": 12, "diaryMaxDaysBack": 31}"#, ["value_out_of_range@diaryMaxDaysBack"]),
                (#"{"consentValidityMonths": 0.5, "diaryMaxDaysBack": 31}"#,
                 ["value_out_of_range@consentValidityMonths", "value_out_of_range@diaryMaxDaysBack"]),
                (#"{}"#, ["invalid_value@consentValidityMonths"]),
            ]
            for (body, problems) in refused {
                let reply = try await Self.sendRaw(app, .PUT, "api/settings/periods", admin, body)
                #expect(reply.status == .unprocessableEntity, "\(body): \(reply.text)")
                #expect(reply.problems == problems, "\(body)")
            }
            rules = try await ClinicSettingsStore.rules(on: app.db, timeZone: zone)
            #expect(rules.consentValidityMonths == 1)
            #expect(rules.diaryMaxDaysBack == 30)
            #expect(try await F.send(app, .PUT, "api/settings/periods", clinician, json: ["diaryMaxDaysBack": 3]).status == .forbidden)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$resourceID == "periods").count() == 5)
        }
    }

    @Test func aDamagedStoredPeriodIsAnErrorNotADefault() async throws {
        try await withTestApp { app, _ in
            try await ClinicSettingsStore.store(.consentValidityMonths, json: "36", on: app.db)
            await #expect(throws: ClinicSettingsStore.DamagedSetting.self) {
                _ = try await ClinicSettingsStore.rules(on: app.db, timeZone: ClinicCalendar.london)
            }
            try await ClinicSettingsStore.store(.consentValidityMonths, json: "18", on: app.db)
            try await ClinicSettingsStore.store(.holidayRegion, json: "\"wales\"", on: app.db)
            await #expect(throws: ClinicSettingsStore.DamagedSetting.self) {
                _ = try await ClinicSettingsStore.rules(on: app.db, timeZone: ClinicCalendar.london)
            }
            try await ClinicSettingsStore.store(.holidayRegion, json: "\"northernIreland\"", on: app.db)
            let rules = try await ClinicSettingsStore.rules(on: app.db, timeZone: ClinicCalendar.london)
            #expect(rules.consentValidityMonths == 18)
            #expect(rules.calendar.holidayRegion == .northernIreland)
        }
    }

    @Test func theHolidaysRouteAnswersARegionsYear() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let reception = try await app.signIn(.reception)
            let reply = try await F.send(app, .GET, "api/calendar/holidays?year=2027&region=scotland", reception)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json["year"] as? Int == 2027)
            #expect(reply.json["region"] as? String == "scotland")
            let holidays = try #require(reply.json["holidays"] as? [[String: String]])
            #expect(holidays.map { $0["observed"] ?? "" } == ["2027-01-01", "2027-01-04", "2027-03-26", "2027-05-03", "2027-05-31",
                                                             "2027-08-02", "2027-11-30", "2027-12-27", "2027-12-28"])
            #expect(holidays[1] == ["name": "2 January", "date": "2027-01-02", "observed": "2027-01-04"])
            #expect(holidays[7] == ["name": "Christmas Day", "date": "2027-12-25", "observed": "2027-12-27"])

            // Without a region: the clinic's (England and Wales until set); without a year: this year.
            let clinic = try await F.send(app, .GET, "api/calendar/holidays?year=2026", reception)
            #expect(clinic.json["region"] as? String == "englandAndWales")
            #expect((clinic.json["holidays"] as? [[String: String]])?.map { $0["observed"] ?? "" }
                == ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"])
            _ = try await F.send(app, .PUT, "api/settings/calendar", admin, json: ["holidayRegion": "northernIreland"])
            let thisYear = try await F.send(app, .GET, "api/calendar/holidays", reception)
            #expect(thisYear.json["region"] as? String == "northernIreland")
            #expect(thisYear.json["year"] as? Int == CalendarDate(Date(), in: ClinicCalendar.london).year)
            let none = try await F.send(app, .GET, "api/calendar/holidays?year=2026&region=none", reception)
            #expect((none.json["holidays"] as? [Any])?.isEmpty == true)

            // Years 2000–2100 only; regions by name.
            #expect(try await F.send(app, .GET, "api/calendar/holidays?year=2000", reception).status == .ok)
            #expect(try await F.send(app, .GET, "api/calendar/holidays?year=2100", reception).status == .ok)
            for (query, problem) in [("year=1999", "value_out_of_range@year"), ("year=2101", "value_out_of_range@year"),
                                     ("year=-2026", "value_out_of_range@year"),
                                     ("year=99999999999999999999999", "value_out_of_range@year"),
                                     ("year=2026.5", "invalid_value@year"), ("year=twenty", "invalid_value@year"),
                                     ("year=", "invalid_value@year"), ("region=wales", "unknown_identifier@region")] {
                let refused = try await F.send(app, .GET, "api/calendar/holidays?\(query)", reception)
                #expect(refused.status == .unprocessableEntity, "\(query)")
                #expect(refused.problems == [problem], "\(query)")
            }

            // Staff only.
            for role in [Role.admin, .clinician, .nurse] {
                #expect(try await F.send(app, .GET, "api/calendar/holidays?year=2026", try await app.signIn(role)).status == .ok)
            }
            let patient = try await F.patient(app, try await app.signIn(.clinician))
            let portal = try await app.signIn(.patient, patientID: patient)
            #expect(try await F.send(app, .GET, "api/calendar/holidays?year=2026", portal).status == .forbidden)
            #expect(try await F.send(app, .GET, "api/calendar/holidays?year=2026", nil).status == .unauthorized)
        }
    }

    @Test func noSlotOrBookingOnABankHolidayOfTheRegion() async throws {
        try await withTestApp { app, _ in
            typealias S = SchedulingFixture
            let admin = try await app.signIn(.admin)
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await S.patient(app)
            func slots(_ date: String) async throws -> [Any] {
                let reply = try await F.send(app, .GET, "api/practitioners/\(clinician.userID)/slots?date=\(date)", reception)
                #expect(reply.status == .ok, "\(reply.text)")
                return (try JSONSerialization.jsonObject(with: Data(reply.text.utf8)) as? [Any])
                    ?? (reply.json["slots"] as? [Any]) ?? []
            }
            // Next year's Christmas Day as taken off in England and Wales (a weekday), and the open
            // day before it; next year's St Andrew's Day as taken off in Scotland (open in England).
            let year = CalendarDate(Date(), in: ClinicCalendar.london).year + 1
            let name = { (region: HolidayRegion, holiday: String) in
                BankHolidays.holidays(in: year, region: region).first { $0.name == holiday }!.observed
            }
            let christmas = name(.englandAndWales, "Christmas Day")
            var eve = christmas.adding(days: -1)
            while !ClinicCalendar.standard.isOpen(eve) { eve = eve.adding(days: -1) }
            let andrew = name(.scotland, "St Andrew's Day")
            #expect(try await slots(christmas.iso).isEmpty)
            #expect(try await !slots(eve.iso).isEmpty)
            let refused = try await S.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                start: S.iso(christmas, 10), durationMinutes: 30))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.error?.error.code == "clinic_closed")
            #expect(refused.error?.error.field == "start")
            #expect(try await !slots(andrew.iso).isEmpty)
            _ = try await F.send(app, .PUT, "api/settings/calendar", admin, json: ["holidayRegion": "scotland"])
            #expect(try await slots(andrew.iso).isEmpty)
            let closed = try await S.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                               start: S.iso(andrew, 10), durationMinutes: 30))
            #expect(closed.error?.error.code == "clinic_closed")
            let booked = try await S.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                               start: S.iso(eve, 10), durationMinutes: 30))
            #expect(booked.status == .created)
        }
    }
}
