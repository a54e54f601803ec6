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
}
