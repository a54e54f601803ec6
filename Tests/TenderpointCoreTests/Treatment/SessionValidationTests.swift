import Foundation
import Testing
@testable import TenderpointCore

/// A valid session on Wednesday 2026-06-10 is the starting point; each test changes one thing.
@Suite struct SessionValidationTests {
    static let today = CalendarDate(iso: "2026-06-10")!
    /// 13:00 in London on 10 June 2026.
    static let now = instant("2026-06-10T12:00:00Z")
    static let london = TimeZone(identifier: "Europe/London")!

    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func vial(_ product: ToxinProduct = .onabotulinumtoxinA, size: Int = 100, diluent: Decimal? = Decimal(string: "2.5"),
                     expiry: String = "2027-01-31", reconstitutedAt: String? = "2026-06-10T08:00:00Z") -> Vial {
        try! Vial(product: product, lotNumber: "C1234", expiryDate: CalendarDate(iso: expiry)!, size: Units(size),
                  diluentMl: diluent, reconstitutedAt: reconstitutedAt.map(instant))
    }

    static let allNo = ContraindicationScreen(answers: Dictionary(uniqueKeysWithValues: ScreeningItem.allCases.map { ($0, false) }))

    static func screening(yes items: ScreeningItem...) -> ContraindicationScreen {
        var answers = allNo.answers
        for item in items { answers[item] = true }
        return ContraindicationScreen(answers: answers)
    }

    static let standardInjections: [ProposedSession.Injection] = [
        .init(vialReference: "v1", vial: vial(), site: .tenderPoint(TenderPointSite(.trapezius, .left)), units: Units(20)),
        .init(vialReference: "v1", vial: vial(), site: .tenderPoint(TenderPointSite(.trapezius, .right)), units: Units(20)),
        .init(vialReference: "v1", vial: vial(), site: .muscle(MuscleSite(.levatorScapulae, .left)), units: Units(10)),
    ]

    static func session(date: String = "2026-06-10", performedAt: String = "2026-06-10T10:00:00Z", by role: Role = .clinician,
                        birthDate: String = "1980-03-01", screening: ContraindicationScreen = allNo,
                        acknowledged: Set<ScreeningItem> = [], consentDate: String? = "2026-05-01",
                        injections: [ProposedSession.Injection] = standardInjections, overrideReason: String? = nil,
                        supervision: Supervision? = nil) -> ProposedSession {
        // A nurse charts under an active clinician unless a test says otherwise.
        let supervisor = supervision ?? (role == .nurse ? .account(role: .clinician, active: true) : .none)
        return ProposedSession(date: CalendarDate(iso: date)!, performedAt: instant(performedAt), chartedBy: role, supervision: supervisor,
                        patientBirthDate: CalendarDate(iso: birthDate), screening: screening, acknowledged: acknowledged,
                        consent: consentDate.map { try! ConsentRecord(date: CalendarDate(iso: $0)!, informationVersion: "v3") },
                        injections: injections, overrideReason: overrideReason)
    }

    static func earlier(_ date: String, _ units: Int, _ product: ToxinProduct = .onabotulinumtoxinA) -> DoseCheck.RecordedSession {
        DoseCheck.RecordedSession(date: CalendarDate(iso: date)!, dose: ProductDose(product: product, units: Units(units)))
    }

    func validate(_ session: ProposedSession, earlier: [DoseCheck.RecordedSession] = [earlier("2026-03-10", 100)]) -> Result<ValidatedSession, Problems> {
        SessionValidation.validate(session, otherSessions: earlier, rules: ClinicRules(), now: Self.now)
    }

    func codes(_ result: Result<ValidatedSession, Problems>) -> [Problem.Code] {
        guard case .failure(let problems) = result else { return [] }
        return problems.all.map(\.code)
    }

    func problems(_ result: Result<ValidatedSession, Problems>) -> [Problem] {
        guard case .failure(let problems) = result else { return [] }
        return problems.all
    }

    @Test func aValidSessionGivesItsTotalFollowUpsAndNextWindow() throws {
        let validated = try validate(Self.session()).get()
        // 20 + 20 + 10 = 50 U of onabotulinumtoxinA
        #expect(validated.total == ProductDose(product: .onabotulinumtoxinA, units: Units(50)))
        // 2026-03-10 → 2026-06-10: 21 (rest of March) + 30 + 31 + 10 = 92 days, inside weeks 12–16
        #expect(validated.interval == .allowed(inTargetWindow: true, daysSinceLast: 92))
        // Wednesday + 8 = Thursday 18 June; + 21 = Wednesday 1 July; + 84 = Wednesday 2 September
        #expect(validated.followUpPlan.followUps.map(\.date.iso) == ["2026-06-18", "2026-07-01", "2026-09-02"])
        #expect(validated.followUpPlan.followUps.map(\.kind) == [.onsetCheck, .peakReview, .reassessment])
        #expect(validated.nextWindow.earliest.iso == "2026-09-02")
        #expect(validated.nextWindow.targetTo.iso == "2026-09-30")  // + 112 days
    }

    @Test func aFirstSessionHasNoInterval() throws {
        let validated = try validate(Self.session(), earlier: []).get()
        #expect(validated.interval == .firstSession)
    }

    @Test func day83IsTooEarlyAndDay84IsAllowed() throws {
        // 2026-03-19 → 2026-06-10: 12 + 30 + 31 + 10 = 83 days
        let tooEarly = problems(validate(Self.session(), earlier: [Self.earlier("2026-03-19", 50)]))
        #expect(tooEarly.map(\.code) == [.intervalTooShort])
        #expect(tooEarly.first?.field == "date")
        #expect(tooEarly.first?.message.contains("2026-06-11") == true)  // the earliest date: 19 March + 84
        // 2026-03-18 → 2026-06-10: 84 days
        let allowed = try validate(Self.session(), earlier: [Self.earlier("2026-03-18", 50)]).get()
        #expect(allowed.interval == .allowed(inTargetWindow: true, daysSinceLast: 84))
    }

    @Test func aClinicianMayOverrideTheIntervalWithAReasonANurseMayNot() throws {
        let earlier = [Self.earlier("2026-03-19", 50)]
        let overridden = try validate(Self.session(overrideReason: "  Travelling abroad for 4 months  "), earlier: earlier).get()
        #expect(overridden.interval == .overridden(reason: "Travelling abroad for 4 months", daysSinceLast: 83))

        let byNurse = validate(Self.session(by: .nurse, overrideReason: "Travelling"), earlier: earlier)
        #expect(codes(byNurse) == [.overrideNotPermitted])
        let blank = validate(Self.session(overrideReason: "   "), earlier: earlier)
        #expect(codes(blank) == [.overrideReasonRequired])
    }

    @Test func aNurseMayChartAnOrdinarySessionReceptionMayNot() throws {
        #expect(throws: Never.self) { try validate(Self.session(by: .nurse)).get() }
        #expect(codes(validate(Self.session(by: .reception))) == [.chartingNotPermitted])
        #expect(codes(validate(Self.session(by: .patient))) == [.chartingNotPermitted])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let expired = Self.vial(expiry: "2026-06-09")
        let session = Self.session(by: .reception, screening: Self.screening(yes: .pregnant), consentDate: nil,
                                   injections: [.init(vialReference: "v9", vial: expired,
                                                      site: .tenderPoint(TenderPointSite(.occiput, .left)), units: Units(10))])
        let found = problems(validate(session, earlier: [Self.earlier("2026-05-01", 100)]))
        #expect(Set(found.map(\.code)) == [.chartingNotPermitted, .vialUnusable, .contraindicated, .consentMissing, .intervalTooShort])
        #expect(found.first { $0.code == .vialUnusable }?.field == "injections[0].vialId")
        #expect(found.first { $0.code == .contraindicated }?.field == "screening.pregnant")
        #expect(found.first { $0.code == .consentMissing }?.field == "consentId")
    }

    @Test func aSessionCannotBeChartedForALaterDay() {
        let session = Self.session(date: "2026-06-11", performedAt: "2026-06-11T10:00:00Z",
                                   injections: [.init(vialReference: "v1", vial: Self.vial(reconstitutedAt: "2026-06-11T09:00:00Z"),
                                                      site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(10))])
        // Both the date and the time of injection are after now.
        #expect(problems(validate(session)).map(\.field) == ["date", "performedAt"])
        #expect(Set(codes(validate(session))) == [.sessionInFuture])
    }

    @Test func theInjectionTimeMustFallOnTheSessionDateInTheClinicsZone() throws {
        // 23:30 UTC on 9 June is 00:30 on 10 June in London (BST): the same clinic day.
        let lateUTC = Self.session(performedAt: "2026-06-09T23:30:00Z",
                                   injections: [.init(vialReference: "v1", vial: Self.vial(reconstitutedAt: "2026-06-09T23:00:00Z"),
                                                      site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(10))])
        #expect(throws: Never.self) { try validate(lateUTC).get() }
        // 22:30 UTC on 9 June is 23:30 on 9 June in London.
        let dayBefore = Self.session(performedAt: "2026-06-09T22:30:00Z",
                                     injections: [.init(vialReference: "v1", vial: Self.vial(reconstitutedAt: "2026-06-09T22:00:00Z"),
                                                        site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(10))])
        let found = problems(validate(dayBefore))
        #expect(found.map(\.code) == [.invalidDate])
        #expect(found.first?.field == "performedAt")
    }

    @Test func unitsOfTwoProductsAreNeverAddedInOneSession() {
        let session = Self.session(injections: [
            .init(vialReference: "v1", vial: Self.vial(), site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(10)),
            .init(vialReference: "v2", vial: Self.vial(.abobotulinumtoxinA, size: 300, diluent: 3),
                  site: .tenderPoint(TenderPointSite(.knee, .right)), units: Units(30)),
        ])
        let found = problems(validate(session))
        #expect(found.map(\.code) == [.mixedProducts])
        #expect(found.first?.field == "injections")
    }

    @Test func twoVialsOfTheSameProductMayBeUsed() throws {
        let session = Self.session(injections: [
            .init(vialReference: "v1", vial: Self.vial(), site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(30)),
            .init(vialReference: "v2", vial: Self.vial(size: 50, diluent: 1), site: .tenderPoint(TenderPointSite(.knee, .right)),
                  units: Units(tenths: 125)),
        ])
        let validated = try validate(session).get()
        #expect(validated.total.units == Units(tenths: 425))  // 30 + 12.5 = 42.5 U
    }

    @Test func anUnknownVialOrZeroUnitsIsNamed() {
        let session = Self.session(injections: [
            .init(vialReference: "nope", vial: nil, site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(10)),
            .init(vialReference: "v1", vial: Self.vial(), site: .tenderPoint(TenderPointSite(.knee, .right)), units: .zero),
        ])
        let found = problems(validate(session))
        #expect(found.contains(Problem(.unknownIdentifier, "No vial nope is on record.", field: "injections[0].vialId")))
        #expect(found.contains { $0.code == .valueOutOfRange && $0.field == "injections[1].units" })
        #expect(codes(validate(Self.session(injections: []))) == [.noInjections])
    }

    @Test func aVialPastItsReconstitutedUsePeriodIsRefused() {
        // reconstituted 2026-06-09 09:59:59 UTC, injected 2026-06-10 10:00:00 UTC: 24 h + 1 s
        let stale = Self.vial(reconstitutedAt: "2026-06-09T09:59:59Z")
        let session = Self.session(injections: [.init(vialReference: "v1", vial: stale,
                                                      site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(10))])
        #expect(codes(validate(session)) == [.vialUnusable])
        let exactly24h = Self.vial(reconstitutedAt: "2026-06-09T10:00:00Z")
        let ok = Self.session(injections: [.init(vialReference: "v1", vial: exactly24h,
                                                 site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(10))])
        #expect(codes(validate(ok)) == [])
    }

    @Test func perSiteLimitAtAndOneTenthOver() {
        func atKnee(_ tenths: Int) -> ProposedSession {
            Self.session(injections: [.init(vialReference: "v1", vial: Self.vial(),
                                            site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(tenths: tenths))])
        }
        #expect(codes(validate(atKnee(500))) == [])  // 50 U: onabotulinumtoxinA per-site limit
        let over = problems(validate(atKnee(501)))
        #expect(over.map(\.code) == [.doseLimitExceeded])
        #expect(over.first?.field == "injections[0].units")
    }

    @Test func cumulativeLimitCountsOtherSessionsOfTheProductWithin84Days() {
        // June 10 minus 84 days is March 18: a session then is outside every window with this one.
        #expect(codes(validate(Self.session(), earlier: [Self.earlier("2026-03-18", 360)])) == [])
        // March 19 (83 days) shares a window: 360 + 50 = 410 > 400 — and the interval is short, so
        // a clinician's override is needed; it lifts the interval, never the dose limit.
        let over = problems(validate(Self.session(overrideReason: "Paper record"), earlier: [Self.earlier("2026-03-19", 360)]))
        #expect(over.map(\.code) == [.doseLimitExceeded])
        #expect(over.first?.field == "injections")
        // 350 + 50 = 400: exactly at the limit
        #expect(codes(validate(Self.session(overrideReason: "Paper record"), earlier: [Self.earlier("2026-03-19", 350)])) == [])
        // another product's units are never added
        #expect(codes(validate(Self.session(overrideReason: "Paper record"),
                               earlier: [Self.earlier("2026-03-19", 900, .abobotulinumtoxinA)])) == [])
    }

    @Test func aSessionChartedLateIsCheckedAgainstTheSessionsAfterIt() {
        // Charted on 10 June for 1 May: with a session recorded on 24 July (84 days after 1 May)
        // the interval holds; on 23 July (83 days) it does not.
        let mayVial = Self.vial(reconstitutedAt: "2026-05-01T08:00:00Z")
        let late = Self.session(date: "2026-05-01", performedAt: "2026-05-01T10:00:00Z", consentDate: "2026-04-01",
                                injections: [.init(vialReference: "v1", vial: mayVial, site: .tenderPoint(TenderPointSite(.knee, .left)),
                                                   units: Units(10))])
        #expect(codes(validate(late, earlier: [Self.earlier("2026-07-24", 100)])) == [])
        let tooClose = problems(validate(late, earlier: [Self.earlier("2026-07-23", 100)]))
        #expect(tooClose.map(\.code) == [.intervalTooShort])
        #expect(tooClose.first?.message.contains("on or before 2026-04-30") == true)
        // Between two sessions 200 days apart it fits when 84 days from each.
        #expect(codes(validate(late, earlier: [Self.earlier("2026-02-06", 100), Self.earlier("2026-07-24", 100)])) == [])
    }

    @Test func theTimeOfInjectionIsNeverInTheFuture() {
        // now is 12:00:00Z; 12:05:00Z is within the clock tolerance, 12:05:01Z is not.
        #expect(codes(validate(Self.session(performedAt: "2026-06-10T12:05:00Z"))) == [])
        let ahead = problems(validate(Self.session(performedAt: "2026-06-10T12:05:01Z")))
        #expect(ahead.map(\.code) == [.sessionInFuture])
        #expect(ahead.first?.field == "performedAt")
        // Nine hours ahead, as in the issue.
        #expect(codes(validate(Self.session(performedAt: "2026-06-10T21:00:00Z"))) == [.sessionInFuture])
    }

    @Test func aNurseChartsUnderAnActiveClinician() {
        #expect(problems(validate(Self.session(by: .nurse, supervision: Supervision.none))).map(\.field) == ["supervisorId"])
        #expect(codes(validate(Self.session(by: .nurse, supervision: .unknown))) == [.unknownIdentifier])
        #expect(codes(validate(Self.session(by: .nurse, supervision: .account(role: .clinician, active: false)))) == [.unknownIdentifier])
        #expect(codes(validate(Self.session(by: .nurse, supervision: .account(role: .nurse, active: true)))) == [.unknownIdentifier])
        #expect(codes(validate(Self.session(by: .nurse, supervision: .account(role: .clinician, active: true)))) == [])
        // A clinician needs no supervisor, but one named must be an active clinician too.
        #expect(codes(validate(Self.session(by: .clinician, supervision: Supervision.none))) == [])
        #expect(codes(validate(Self.session(by: .clinician, supervision: .account(role: .admin, active: true)))) == [.unknownIdentifier])
    }

    @Test func aConsentCoversTwelveMonthsAndItsProducts() {
        // Consent of 11 June 2025: in force through 10 June 2026 (its last valid day), not on 11 June.
        #expect(codes(validate(Self.session(consentDate: "2025-06-11"))) == [])
        #expect(codes(validate(Self.session(consentDate: "2025-06-10"))) == [.consentMissing])
        // A consent naming only incobotulinumtoxinA does not cover onabotulinumtoxinA.
        let named = ProposedSession(date: Self.today, performedAt: Self.instant("2026-06-10T10:00:00Z"), chartedBy: .clinician,
                                    patientBirthDate: CalendarDate(iso: "1980-03-01"), screening: Self.allNo, acknowledged: [],
                                    consent: try! ConsentRecord(date: CalendarDate(iso: "2026-05-01")!, informationVersion: "v3",
                                                                products: [.incobotulinumtoxinA]),
                                    injections: Self.standardInjections, overrideReason: nil)
        let refused = problems(validate(named))
        #expect(refused.map(\.code) == [.consentMissing])
        #expect(refused.first?.message == "The consent covers incobotulinumtoxinA, not onabotulinumtoxinA.")
    }

    @Test func aVialGivesNoMoreThanItHolds() {
        // A 100 U vial with 50 U drawn in other sessions: 50 U left. This session draws 50 (ok), 50.1 (not).
        let stock = VialStock(vial: Self.vial(), state: .inUse, drawn: Units(50))
        let site = InjectionSite.tenderPoint(TenderPointSite(.trapezius, .left))
        let other = InjectionSite.tenderPoint(TenderPointSite(.trapezius, .right))
        let exact = Self.session(injections: [.init(vialReference: "v1", stock: stock, site: site, units: Units(25)),
                                              .init(vialReference: "v1", stock: stock, site: other, units: Units(25))])
        #expect(codes(validate(exact)) == [])
        let over = problems(validate(Self.session(injections: [
            .init(vialReference: "v1", stock: stock, site: site, units: Units(25)),
            .init(vialReference: "v1", stock: stock, site: other, units: Units(tenths: 251)),
        ])))
        #expect(over.map(\.code) == [.vialUnusable])
        #expect(over.first?.field == "injections[1].units")
        #expect(over.first?.message.contains("has 50 U left") == true)
    }

    @Test func aRecalledVialCannotBeUsedFromTheRecallOn() {
        let site = InjectionSite.tenderPoint(TenderPointSite(.trapezius, .left))
        let recalled = VialStock(vial: Self.vial(), state: .recalled, closedAt: Self.instant("2026-06-10T10:00:00Z"))
        let atRecall = Self.session(performedAt: "2026-06-10T10:00:00Z",
                                    injections: [.init(vialReference: "v1", stock: recalled, site: site, units: Units(10))])
        #expect(codes(validate(atRecall)) == [.vialUnusable])
        // An injection a second before the recall (charted late) was made while the lot was in use.
        let before = Self.session(performedAt: "2026-06-10T09:59:59Z",
                                  injections: [.init(vialReference: "v1", stock: recalled, site: site, units: Units(10))])
        #expect(codes(validate(before)) == [])
        // A closed vial with no recorded closing time counts as closed since ever.
        let discarded = VialStock(vial: Self.vial(), state: .discarded)
        #expect(codes(validate(Self.session(injections: [.init(vialReference: "v1", stock: discarded, site: site, units: Units(10))])))
                == [.vialUnusable])
    }

    @Test func aProductWithoutLimitsCannotBeCharted() {
        let daxi = Self.vial(.daxibotulinumtoxinA, size: 100, diluent: 2)
        let session = Self.session(injections: [.init(vialReference: "v1", vial: daxi,
                                                      site: .tenderPoint(TenderPointSite(.knee, .left)), units: Units(10))])
        let found = problems(validate(session))
        #expect(found.map(\.code) == [.doseLimitsNotSet])
        #expect(found.first?.field == "injections")
    }

    @Test func screeningItemsNeedAClinicianToAcknowledge() {
        let anticoagulated = Self.screening(yes: .anticoagulants)
        #expect(codes(validate(Self.session(screening: anticoagulated))) == [.acknowledgementRequired])
        #expect(codes(validate(Self.session(screening: anticoagulated, acknowledged: [.anticoagulants]))) == [])
        let byNurse = codes(validate(Self.session(by: .nurse, screening: anticoagulated, acknowledged: [.anticoagulants])))
        #expect(Set(byNurse) == [.acknowledgementRequired, .acknowledgementNotPermitted])
    }

    @Test func milkProteinAllergyBlocksOnlyAbobotulinumtoxinA() {
        #expect(codes(validate(Self.session(screening: Self.screening(yes: .milkProteinAllergy)))) == [])
        let dysport = Self.session(screening: Self.screening(yes: .milkProteinAllergy),
                                   injections: [.init(vialReference: "v2", vial: Self.vial(.abobotulinumtoxinA, size: 300, diluent: 3),
                                                      site: .tenderPoint(TenderPointSite(.knee, .right)), units: Units(30))])
        #expect(codes(validate(dysport)) == [.contraindicated])
    }

    @Test func aPatientUnder18IsRefusedEvenWhenTheQuestionWasAnsweredNo() {
        // born 2008-06-11: 17 on 2026-06-10; born 2008-06-10: 18 that day
        let seventeen = problems(validate(Self.session(birthDate: "2008-06-11")))
        #expect(seventeen.map(\.code) == [.contraindicated])
        #expect(seventeen.first?.field == "screening.under18")
        #expect(codes(validate(Self.session(birthDate: "2008-06-10"))) == [])
        // answered yes: one problem, not two
        #expect(codes(validate(Self.session(birthDate: "2008-06-11", screening: Self.screening(yes: .under18)))) == [.contraindicated])
    }

    @Test func consentMustPrecedeTheSession() {
        #expect(codes(validate(Self.session(consentDate: "2026-06-10"))) == [])
        #expect(codes(validate(Self.session(consentDate: "2026-06-11"))) == [.consentMissing])
        #expect(codes(validate(Self.session(consentDate: nil))) == [.consentMissing])
    }
}
