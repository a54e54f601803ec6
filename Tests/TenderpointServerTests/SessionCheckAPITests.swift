import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// `POST /api/patients/{id}/sessions/check`: the dry run of charting. A hand-made history of two
/// earlier sessions on fixed past dates, so every figure is computed by hand:
/// - Monday 2 March 2026: 40 U of onabotulinumtoxinA;
/// - Monday 1 June 2026 (day 91 after it): 300 U (6 sites × 50 U);
/// - the session checked is on Monday 17 August 2026 (day 77 after 1 June: charted with a
///   clinician's override), whose heaviest 84-day window is 26 May – 17 August: 1 June counts,
///   2 March (168 days before) does not.
@Suite struct SessionCheckAPITests {
    typealias F = TreatmentFixture

    struct History {
        let patient: UUID
        let consent: UUID
        /// 100 U in 2.5 mL (4 U per 0.1 mL) and 100 U in 4 mL (2.5 U per 0.1 mL), reconstituted on 17 August.
        let strong: UUID
        let weak: UUID
    }

    static func history(_ app: Application, _ clinician: SignedIn) async throws -> History {
        let patient = try await F.patient(app, clinician)
        let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID, date: "2026-01-05")
        let march = try await F.vial(app, clinician, lot: "MAR", reconstitutedAt: "2026-03-02T08:00:00Z")
        let first = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                     json: F.session(date: "2026-03-02", consent: consent, injections: F.standardInjections(march)))
        guard first.status == .created else { throw F.Failure("March session refused: \(first.text)") }
        // 300 U from two vials: 100 U and 200 U.
        let may = try await F.vial(app, clinician, lot: "MAY", reconstitutedAt: "2026-06-01T08:00:00Z")
        let mayLarge = try await F.vial(app, clinician, lot: "MAY", units: 200, diluentMl: 5, reconstitutedAt: "2026-06-01T08:00:00Z")
        let sixSites = ["trapezius.left", "trapezius.right", "occiput.left", "occiput.right", "supraspinatus.left", "supraspinatus.right"]
            .enumerated().map { F.injection($0.offset < 2 ? may : mayLarge, tenderPoint: $0.element, units: 50) }
        let second = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                      json: F.session(date: "2026-06-01", consent: consent, injections: sixSites))
        guard second.status == .created else { throw F.Failure("May session refused: \(second.text)") }
        let strong = try await F.vial(app, clinician, lot: "AUG-A", reconstitutedAt: "2026-08-17T08:00:00Z")
        let weak = try await F.vial(app, clinician, lot: "AUG-B", diluentMl: 4, reconstitutedAt: "2026-08-17T08:00:00Z")
        return History(patient: patient, consent: consent, strong: strong, weak: weak)
    }

    /// Trapezius left 20 U from the strong vial and 12.5 U from the weak one, levator scapulae
    /// right 30 U from the weak one: 62.5 U.
    static func twoVials(_ history: History) -> [[String: Any]] {
        [F.injection(history.strong, tenderPoint: "trapezius.left", units: 20),
         F.injection(history.weak, tenderPoint: "trapezius.left", units: 12.5),
         F.injection(history.weak, muscle: "levatorScapulae.right", units: 30)]
    }

    static func check(_ app: Application, _ history: History, _ auth: SignedIn?, date: String = "2026-08-17",
                      injections: [[String: Any]], override: String? = "Paper record charted late", supervisor: UUID? = nil) async throws -> TreatmentFixture.Reply {
        try await F.send(app, .POST, "api/patients/\(history.patient)/sessions/check", auth,
                         json: F.session(date: date, consent: history.consent, injections: injections, override: override,
                                         supervisor: supervisor))
    }

    static func codes(_ reply: TreatmentFixture.Reply) -> [String] {
        ((reply.json["problems"] as? [[String: Any]]) ?? []).map { "\($0["code"] as? String ?? "?")@\($0["field"] as? String ?? "-")" }
    }

    @Test func theFiguresOfTwoVialsAgainstAHandMadeHistory() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let history = try await Self.history(app, clinician)
            let reply = try await Self.check(app, history, clinician, injections: Self.twoVials(history))
            #expect(reply.status == .ok, "\(reply.text)")
            let check = try reply.decode(SessionCheckDTO.self)
            #expect(check.valid)
            #expect(check.problems.isEmpty)
            #expect(check.product == .onabotulinumtoxinA)
            #expect(check.limits == DoseLimits(perSite: Units(50), perSession: Units(400), cumulativeThreeMonths: Units(400)))
            #expect(check.totalUnits == Units(tenths: 625))
            // Each row's volume from its own vial: 20 ÷ 40 U/mL, 12.5 ÷ 25 U/mL, 30 ÷ 25 U/mL.
            #expect(check.injections.map(\.lotNumber) == ["AUG-A", "AUG-B", "AUG-B"])
            #expect(check.injections.map(\.volumeMl) == [Decimal(string: "0.5"), Decimal(string: "0.5"), Decimal(string: "1.2")])
            #expect(check.injections.map(\.units) == [Units(20), Units(tenths: 125), Units(30)])
            // Trapezius left 20 + 12.5 = 32.5 U; levator 30 U; each against 50 U.
            #expect(check.sites.map(\.name) == ["Trapezius, left (tender point)", "Levator scapulae, right (muscle)"])
            #expect(check.sites.map(\.units) == [Units(tenths: 325), Units(30)])
            #expect(check.sites.allSatisfy { $0.limit == Units(50) && !$0.overLimit })
            #expect(check.session?.units == Units(tenths: 625))
            #expect(check.session?.limit == Units(400))
            // 300 U on 1 June + 62.5 U = 362.5 U; 2 March is outside the window (26 May – 17 August).
            let cumulative = try #require(check.cumulative)
            #expect(cumulative.from.iso == "2026-05-26")
            #expect(cumulative.to.iso == "2026-08-17")
            #expect(cumulative.otherSessionDates.map(\.iso) == ["2026-06-01"])
            #expect(cumulative.otherUnits == Units(300))
            #expect(cumulative.units == Units(tenths: 3625))
            #expect(cumulative.limit == Units(400))
            #expect(!cumulative.overLimit)
            // As JSON: plain numbers and explicit nulls where a figure has none.
            let json = reply.json
            #expect((json["cumulative"] as? [String: Any])?["from"] as? String == "2026-05-26")
            #expect(json["totalUnits"] as? Double == 62.5)
        }
    }

    @Test func overTheCumulativeLimitByTenthsIsReportedWithItsFigures() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let history = try await Self.history(app, clinician)
            // 62.5 + 37.5 = 100 U: 300 + 100 = 400 U, exactly at the limit.
            let atLimit = Self.twoVials(history) + [F.injection(history.strong, tenderPoint: "knee.left", units: 37.5)]
            let exactly = try await Self.check(app, history, clinician, injections: atLimit).decode(SessionCheckDTO.self)
            #expect(exactly.cumulative?.units == Units(400))
            #expect(exactly.cumulative?.overLimit == false)
            #expect(exactly.valid)
            // 37.6 U makes 400.1 U: over by a tenth.
            let over = Self.twoVials(history) + [F.injection(history.strong, tenderPoint: "knee.left", units: 37.6)]
            let reply = try await Self.check(app, history, clinician, injections: over)
            #expect(reply.status == .ok)
            let check = try reply.decode(SessionCheckDTO.self)
            #expect(check.cumulative?.units == Units(tenths: 4001))
            #expect(check.cumulative?.overLimit == true)
            #expect(check.session?.overLimit == false)
            #expect(!check.valid)
            #expect(Self.codes(reply) == ["dose_limit_exceeded@injections"])
            #expect(check.problems.first?.message == "400.1 U of onabotulinumtoxinA in the 84 days 2026-05-26 to 2026-08-17 "
                    + "(this session's 100.1 U and 300 U on 2026-06-01) exceeds the limit of 400 U in any 84 days.")
        }
    }

    @Test func mixedProductsAreRefusedAndNotAdded() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let history = try await Self.history(app, clinician)
            let inco = try await F.vial(app, clinician, product: "incobotulinumtoxinA", lot: "INC", reconstitutedAt: "2026-08-17T08:00:00Z")
            let reply = try await Self.check(app, history, clinician, injections: [
                F.injection(history.strong, tenderPoint: "trapezius.left", units: 20),
                F.injection(inco, tenderPoint: "trapezius.right", units: 20),
            ])
            #expect(reply.status == .ok)
            #expect(Self.codes(reply) == ["mixed_products@injections"])
            let check = try reply.decode(SessionCheckDTO.self)
            #expect(!check.valid)
            #expect(check.product == nil && check.totalUnits == nil && check.session == nil && check.cumulative == nil)
            #expect(check.sites.isEmpty)
            // Each row still has its own product and volume.
            #expect(check.injections.map(\.product) == [.onabotulinumtoxinA, .incobotulinumtoxinA])
            #expect(check.injections.map(\.volumeMl) == [Decimal(string: "0.5"), Decimal(string: "0.5")])
            let json = reply.json
            #expect(json["totalUnits"] is NSNull)
            #expect(json["cumulative"] is NSNull)
        }
    }

    @Test func aCheckWritesNothingButTheAuditOfItsRead() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let history = try await Self.history(app, clinician)
            await app.flushAudit()
            let before = try await F.counts(app)
            #expect(before == (2, 8, 6))
            let readsBefore = try await WebFixture.auditCount(app, action: "read", resource: "TreatmentSession", patient: history.patient)
            for _ in 0..<3 {
                let reply = try await Self.check(app, history, clinician, injections: Self.twoVials(history))
                #expect(reply.status == .ok)
            }
            #expect(try await F.counts(app) == before)
            // A solution's vial stays unopened: only charting opens it.
            let solution = try await F.vial(app, clinician, product: "rimabotulinumtoxinB", lot: "RIMA", units: 5000,
                                            diluentMl: nil, reconstitutedAt: nil)
            let rima = try await Self.check(app, history, clinician, injections: [F.injection(solution, muscle: "splenius.left", units: 1000)])
            // The history's consent names no product, so it covers type A products only, not this type B.
            #expect(Self.codes(rima) == ["consent_missing@consentId"], "\(rima.text)")
            #expect((rima.json["injections"] as? [[String: Any]])?.first?["volumeMl"] as? Double == 0.2)
            #expect(try await VialModel.find(solution, on: app.db)?.state == "unopened")
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "TreatmentSession", patient: history.patient) == readsBefore + 4)
            #expect(try await WebFixture.auditCount(app, action: "create", resource: "TreatmentSession", patient: history.patient) == 2)
            // And charting the same body afterwards succeeds, as the check said.
            let charted = try await F.send(app, .POST, "api/patients/\(history.patient)/sessions", clinician,
                                           json: F.session(date: "2026-08-17", consent: history.consent, injections: Self.twoVials(history),
                                                           override: "Paper record charted late"))
            #expect(charted.status == .created, "\(charted.text)")
            #expect(charted.json["totalUnits"] as? Double == 62.5)
        }
    }

    @Test func aClinicianMayOverrideTheIntervalAndANurseMayNot() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let history = try await Self.history(app, clinician)
            let earlyVial = try await F.vial(app, clinician, lot: "EARLY", reconstitutedAt: "2026-08-23T08:00:00Z")
            let early = [F.injection(earlyVial, tenderPoint: "trapezius.left", units: 20)]
            // 23 August is day 83 after 1 June: too early.
            let tooEarly = try await Self.check(app, history, clinician, date: "2026-08-23", injections: early, override: nil)
            #expect(Self.codes(tooEarly) == ["interval_too_short@date"])
            let overridden = try await Self.check(app, history, clinician, date: "2026-08-23", injections: early,
                                                  override: "Severe flare; discussed with the patient")
            #expect(overridden.status == .ok)
            #expect(Self.codes(overridden) == [])
            #expect(overridden.json["valid"] as? Bool == true)

            let nurse = try await app.signIn(.nurse)
            let byNurse = try await Self.check(app, history, nurse, date: "2026-08-23", injections: early,
                                               override: "Severe flare", supervisor: clinician.userID)
            #expect(byNurse.status == .ok)
            #expect(Self.codes(byNurse) == ["override_not_permitted@override"])
            #expect(byNurse.json["valid"] as? Bool == false)
            // The nurse's check still gives the figures: 300 U on 1 June + 20 U.
            #expect((byNurse.json["cumulative"] as? [String: Any])?["units"] as? Double == 320)
            // Without a supervisor the nurse is told so, beside the interval.
            let unsupervised = try await Self.check(app, history, nurse, date: "2026-08-23", injections: early, override: nil)
            #expect(Self.codes(unsupervised) == ["invalid_value@supervisorId", "interval_too_short@date"])
        }
    }

    @Test func whoMayAsk() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let history = try await Self.history(app, clinician)
            let own = try await app.signIn(.patient, patientID: history.patient)
            let asPatient = try await Self.check(app, history, own, injections: Self.twoVials(history))
            #expect(asPatient.status == .forbidden)
            #expect(asPatient.problems == ["forbidden@-"])
            for role in [Role.reception, .admin] {
                let other = try await app.signIn(role)
                #expect(try await Self.check(app, history, other, injections: Self.twoVials(history)).status == .forbidden)
            }
            #expect(try await Self.check(app, history, nil, injections: Self.twoVials(history)).status == .unauthorized)
            let missing = try await F.send(app, .POST, "api/patients/\(UUID())/sessions/check", clinician,
                                           json: F.session(date: "2026-08-17", consent: history.consent, injections: Self.twoVials(history)))
            #expect(missing.status == .notFound)
        }
    }

    @Test func unreadableInputIsA422NamingTheFieldAsForCharting() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let history = try await Self.history(app, clinician)
            let badDate = try await Self.check(app, history, clinician, date: "17/08/2026", injections: Self.twoVials(history))
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.problems == ["invalid_date@date"])
            let badUnits = try await Self.check(app, history, clinician,
                                                injections: [F.injection(history.strong, tenderPoint: "trapezius.left", units: 12.55)])
            #expect(badUnits.status == .unprocessableEntity)
            #expect(badUnits.problems == ["invalid_value@injections[0].units"])
            // An unknown vial is the core's problem: 200 with the problem on its row.
            let unknown = try await Self.check(app, history, clinician,
                                               injections: [F.injection(UUID(), tenderPoint: "trapezius.left", units: 20)])
            #expect(unknown.status == .ok)
            #expect(Self.codes(unknown) == ["unknown_identifier@injections[0].vialId"])
            #expect(unknown.json["product"] is NSNull)
        }
    }
}
