import Foundation
import Testing
@testable import TenderpointCore

/// A valid session on Wednesday 2026-06-10 is the starting point; each test changes one thing.
@Suite struct SessionValidationTests {
    static let today = CalendarDate(iso: "2026-06-10")!
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
                        injections: [ProposedSession.Injection] = standardInjections, overrideReason: String? = nil) -> ProposedSession {
        ProposedSession(date: CalendarDate(iso: date)!, performedAt: instant(performedAt), chartedBy: role,
                        patientBirthDate: CalendarDate(iso: birthDate), screening: screening, acknowledged: acknowledged,
                        consent: consentDate.map { try! ConsentRecord(date: CalendarDate(iso: $0)!, informationVersion: "v3") },
                        injections: injections, overrideReason: overrideReason)
    }

    static func earlier(_ date: String, _ units: Int, _ product: ToxinProduct = .onabotulinumtoxinA) -> DoseCheck.EarlierSession {
        DoseCheck.EarlierSession(date: CalendarDate(iso: date)!, dose: ProductDose(product: product, units: Units(units)))
    }

    func validate(_ session: ProposedSession, earlier: [DoseCheck.EarlierSession] = [earlier("2026-03-10", 100)]) -> Result<ValidatedSession, Problems> {
        SessionValidation.validate(session, earlierSessions: earlier, rules: ClinicRules(), today: Self.today)
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
        #expect(codes(validate(session)) == [.sessionInFuture])
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

    @Test func cumulativeThreeMonthLimitCountsEarlierSessionsOfTheProduct() {
        // June 10 minus 3 months is March 10: a session on March 10 is outside the window.
        #expect(codes(validate(Self.session(), earlier: [Self.earlier("2026-03-10", 360)])) == [])
        // March 11 is inside: 360 + 50 = 410 > 400
        let over = problems(validate(Self.session(), earlier: [Self.earlier("2026-03-11", 360)]))
        #expect(over.map(\.code) == [.doseLimitExceeded])
        #expect(over.first?.field == "injections")
        // 350 + 50 = 400: exactly at the limit
        #expect(codes(validate(Self.session(), earlier: [Self.earlier("2026-03-11", 350)])) == [])
        // another product's units are never added
        #expect(codes(validate(Self.session(), earlier: [Self.earlier("2026-03-11", 900, .abobotulinumtoxinA)])) == [])
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
