import Foundation
import Testing
@testable import TenderpointCore

/// `DoseFigures`: the running totals of a session, computed by hand, and always in agreement
/// with `DoseCheck.problems` on the same input (a figure is over its limit exactly when the
/// check refuses it).
@Suite struct DoseFiguresCumulativeTests {
    private static let ona = ToxinProduct.onabotulinumtoxinA
    private static let trapeziusLeft = InjectionSite.tenderPoint(TenderPointSite(.trapezius, .left))
    private static let trapeziusRight = InjectionSite.tenderPoint(TenderPointSite(.trapezius, .right))
    private static let levatorRight = InjectionSite.muscle(MuscleSite(.levatorScapulae, .right))
    private static let defaults = DoseLimits(perSite: Units(50), perSession: Units(400), cumulativeThreeMonths: Units(400))

    private static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    private static func injection(_ index: Int, _ site: InjectionSite, tenths: Int) -> DoseCheck.Injection {
        DoseCheck.Injection(field: "injections[\(index)].units", site: site, units: Units(tenths: tenths))
    }

    private static func earlier(_ iso: String, _ units: Int, _ product: ToxinProduct = ona) -> DoseCheck.RecordedSession {
        DoseCheck.RecordedSession(date: date(iso), dose: ProductDose(product: product, units: Units(units)))
    }

    private static func figures(_ injections: [DoseCheck.Injection], on iso: String = "2026-05-15",
                                earlier: [DoseCheck.RecordedSession] = [], limits: DoseLimits? = defaults) -> DoseFigures {
        DoseFigures(product: ona, sessionDate: date(iso), injections: injections, otherSessions: earlier, limits: limits)
    }

    /// Whether `DoseCheck` refuses the cumulative total (its problem names the 84 days).
    private static func checkRefusesCumulative(_ injections: [DoseCheck.Injection], on iso: String = "2026-05-15",
                                               earlier: [DoseCheck.RecordedSession]) -> Bool {
        DoseCheck.problems(product: ona, sessionDate: date(iso), injections: injections, otherSessions: earlier, limits: defaults)
            .contains { $0.message.contains("in the 84 days") }
    }

    // MARK: site and session totals

    @Test func sitesAreSummedInTheOrderFirstCharted() {
        // 20 + 12.5 at trapezius left, 20 at trapezius right, 7.5 at levator right: 60 U in all.
        let found = Self.figures([Self.injection(0, Self.trapeziusLeft, tenths: 200), Self.injection(1, Self.trapeziusRight, tenths: 200),
                                  Self.injection(2, Self.trapeziusLeft, tenths: 125), Self.injection(3, Self.levatorRight, tenths: 75)])
        #expect(found.sites.map(\.site) == [Self.trapeziusLeft, Self.trapeziusRight, Self.levatorRight])
        #expect(found.sites.map(\.tally.units) == [Units(tenths: 325), Units(20), Units(tenths: 75)])
        #expect(found.sites.allSatisfy { $0.tally.limit == Units(50) && !$0.tally.isOverLimit })
        #expect(found.session == DoseFigures.Tally(units: Units(60), limit: Units(400)))
    }

    @Test func aSiteExactlyAtItsLimitIsNotOverAndATenthMoreIs() {
        let atLimit = Self.figures([Self.injection(0, Self.trapeziusLeft, tenths: 300), Self.injection(1, Self.trapeziusLeft, tenths: 200)])
        #expect(atLimit.sites.first?.tally.units == Units(50))
        #expect(atLimit.sites.first?.tally.isOverLimit == false)
        let over = [Self.injection(0, Self.trapeziusLeft, tenths: 300), Self.injection(1, Self.trapeziusLeft, tenths: 201)]
        #expect(Self.figures(over).sites.first?.tally.units == Units(tenths: 501))
        #expect(Self.figures(over).sites.first?.tally.isOverLimit == true)
        // The check agrees: refused at 50.1 U, not at 50 U.
        #expect(DoseCheck.problems(product: Self.ona, sessionDate: Self.date("2026-05-15"), injections: over,
                                   otherSessions: [], limits: Self.defaults).map(\.field) == ["injections[1].units"])
    }

    @Test func theSessionExactlyAtItsLimitIsNotOverAndOneUnitMoreIs() {
        // 8 sites × 50 U = 400 U: at the per-session limit; one more unit elsewhere makes 401 U.
        let eight = (0..<8).map { Self.injection($0, .muscle(MuscleSite.all[$0]), tenths: 500) }
        #expect(Self.figures(eight).session == DoseFigures.Tally(units: Units(400), limit: Units(400)))
        #expect(Self.figures(eight).session.isOverLimit == false)
        let nine = eight + [Self.injection(8, .muscle(MuscleSite.all[8]), tenths: 10)]
        #expect(Self.figures(nine).session.units == Units(401))
        #expect(Self.figures(nine).session.isOverLimit == true)
    }

    // MARK: the cumulative window

    @Test func exactlyAtTheCumulativeLimitIsNotOverAndOneUnitMoreIs() {
        // 360 U on 1 May + 40 U on 15 May = 400 U; 41 U makes 401 U.
        let history = [Self.earlier("2026-05-01", 360)]
        let forty = [Self.injection(0, Self.trapeziusLeft, tenths: 200), Self.injection(1, Self.trapeziusRight, tenths: 200)]
        let atLimit = Self.figures(forty, earlier: history)
        #expect(atLimit.cumulative.otherUnits == Units(360))
        #expect(atLimit.cumulative.tally == DoseFigures.Tally(units: Units(400), limit: Units(400)))
        #expect(!atLimit.cumulative.tally.isOverLimit)
        #expect(!Self.checkRefusesCumulative(forty, earlier: history))

        let fortyOne = [Self.injection(0, Self.trapeziusLeft, tenths: 210), Self.injection(1, Self.trapeziusRight, tenths: 200)]
        let over = Self.figures(fortyOne, earlier: history)
        #expect(over.cumulative.tally.units == Units(401))
        #expect(over.cumulative.tally.isOverLimit)
        #expect(Self.checkRefusesCumulative(fortyOne, earlier: history))
    }

    @Test func aSessionEightyFourDaysEarlierIsOutAndEightyThreeIsIn() {
        // Session on 15 May 2026: 20 February is 84 days earlier (never in a window with it);
        // 21 February (83 days) is.
        let forty = [Self.injection(0, Self.trapeziusLeft, tenths: 200), Self.injection(1, Self.trapeziusRight, tenths: 200)]
        let out = Self.figures(forty, earlier: [Self.earlier("2026-02-20", 380)])
        #expect(out.cumulative.from == Self.date("2026-02-21"))
        #expect(out.cumulative.to == Self.date("2026-05-15"))
        #expect(out.cumulative.otherSessionDates == [])
        #expect(out.cumulative.tally.units == Units(40))
        #expect(!Self.checkRefusesCumulative(forty, earlier: [Self.earlier("2026-02-20", 380)]))

        let inside = Self.figures(forty, earlier: [Self.earlier("2026-02-21", 380)])
        #expect(inside.cumulative.otherSessionDates == [Self.date("2026-02-21")])
        #expect(inside.cumulative.tally.units == Units(420))
        #expect(inside.cumulative.tally.isOverLimit)
        #expect(Self.checkRefusesCumulative(forty, earlier: [Self.earlier("2026-02-21", 380)]))
    }

    @Test func aLaterSessionCountsForOneChartedLateAndTheWindowShowsIt() {
        // Charted late for 15 May with 300 U on 6 August (83 days later): the window is 15 May – 6 August.
        let ten = [Self.injection(0, Self.trapeziusLeft, tenths: 100)]
        let found = Self.figures(ten, earlier: [Self.earlier("2026-08-06", 300), Self.earlier("2026-08-07", 50)])
        #expect(found.cumulative.from == Self.date("2026-05-15"))
        #expect(found.cumulative.to == Self.date("2026-08-06"))
        #expect(found.cumulative.otherSessionDates == [Self.date("2026-08-06")])
        #expect(found.cumulative.tally.units == Units(310))
    }

    @Test func theHeaviestWindowIsShown() {
        // 100 U on 1 March and 250 U on 20 July around a session on 1 May: 1 March and 20 July are
        // 141 days apart, so the heaviest window holds 20 July alone (250 > 100). Its earliest
        // start is 20 July − 83 days = 28 April.
        let found = Self.figures([Self.injection(0, Self.trapeziusLeft, tenths: 100)], on: "2026-05-01",
                                 earlier: [Self.earlier("2026-03-01", 100), Self.earlier("2026-07-20", 250)])
        #expect(found.cumulative.otherSessionDates == [Self.date("2026-07-20")])
        #expect(found.cumulative.from == Self.date("2026-04-28"))
        #expect(found.cumulative.otherUnits == Units(250))
    }

    @Test func otherProductsAndTheSameDayAreHandledAsTheCheckDoes() {
        let history = [Self.earlier("2026-04-01", 100), Self.earlier("2026-04-20", 300, .abobotulinumtoxinA),
                       Self.earlier("2026-05-15", 30), Self.earlier("2026-05-16", 200)]
        let found = Self.figures([Self.injection(0, Self.trapeziusLeft, tenths: 200)], earlier: history)
        // Abobotulinumtoxin A is never added; the same day and the day after count: 100 + 30 + 200 + 20.
        #expect(found.cumulative.otherSessionDates == [Self.date("2026-04-01"), Self.date("2026-05-15"), Self.date("2026-05-16")])
        #expect(found.cumulative.otherUnits == Units(330))
        #expect(found.cumulative.tally.units == Units(350))
    }

    @Test func noLimitsSetMeansNoLimitAndNothingOver() {
        let found = Self.figures([Self.injection(0, Self.trapeziusLeft, tenths: 9000)], limits: nil)
        #expect(found.limits == nil)
        #expect(found.sites.first?.tally == DoseFigures.Tally(units: Units(900), limit: nil))
        #expect(!found.session.isOverLimit && !found.cumulative.tally.isOverLimit)
    }

    @Test func onLoadWithNoInjectionsTheFiguresAreTheEarlierUnits() {
        let found = Self.figures([], earlier: [Self.earlier("2026-03-02", 120)])
        #expect(found.sites.isEmpty)
        #expect(found.session.units == .zero)
        #expect(found.cumulative.tally == DoseFigures.Tally(units: Units(120), limit: Units(400)))
    }

    // MARK: from a proposed session

    private static func vial(_ product: ToxinProduct, lot: String) -> Vial {
        try! Vial(product: product, lotNumber: lot, expiryDate: date("2027-01-31"), size: product.vialSizes.first!,
                  diluentMl: product.isSolution ? nil : 2, reconstitutedAt: product.isSolution ? nil : Date(timeIntervalSince1970: 1_780_000_000))
    }

    private static func proposed(_ injections: [ProposedSession.Injection]) -> ProposedSession {
        ProposedSession(date: date("2026-05-15"), performedAt: Date(timeIntervalSince1970: 1_780_000_000), chartedBy: .clinician,
                        patientBirthDate: nil, screening: ContraindicationScreen(answers: [:]), acknowledged: [], consent: nil,
                        injections: injections, overrideReason: nil)
    }

    @Test func twoVialsOfOneProductAddAndUnknownVialsStillCount() throws {
        let first = Self.vial(.onabotulinumtoxinA, lot: "A1"), second = Self.vial(.onabotulinumtoxinA, lot: "A2")
        let session = Self.proposed([
            .init(vialReference: "a1", vial: first, site: Self.trapeziusLeft, units: Units(20)),
            .init(vialReference: "a2", vial: second, site: Self.trapeziusRight, units: Units(25)),
            .init(vialReference: "missing", vial: nil, site: Self.levatorRight, units: Units(5)),
        ])
        let found = try #require(DoseFigures(session: session, otherSessions: [Self.earlier("2026-03-01", 100)], doseLimits: ClinicDoseLimits()))
        #expect(found.product == .onabotulinumtoxinA)
        #expect(found.session.units == Units(50))
        #expect(found.cumulative.tally == DoseFigures.Tally(units: Units(150), limit: Units(400)))
    }

    @Test func mixedProductsOrNoKnownVialGiveNoFigures() {
        let mixed = Self.proposed([
            .init(vialReference: "a", vial: Self.vial(.onabotulinumtoxinA, lot: "A"), site: Self.trapeziusLeft, units: Units(20)),
            .init(vialReference: "b", vial: Self.vial(.incobotulinumtoxinA, lot: "B"), site: Self.trapeziusRight, units: Units(20)),
        ])
        #expect(DoseFigures(session: mixed, otherSessions: [], doseLimits: ClinicDoseLimits()) == nil)
        let unknown = Self.proposed([.init(vialReference: "x", vial: nil, site: Self.trapeziusLeft, units: Units(20))])
        #expect(DoseFigures(session: unknown, otherSessions: [], doseLimits: ClinicDoseLimits()) == nil)
    }

    @Test func theClinicsLoweredLimitsApply() throws {
        var limits = ClinicDoseLimits()
        try limits.set(DoseLimits(perSite: Units(30), perSession: Units(200), cumulativeThreeMonths: Units(300)), for: .onabotulinumtoxinA, by: .admin)
        let session = Self.proposed([.init(vialReference: "a", vial: Self.vial(.onabotulinumtoxinA, lot: "A"), site: Self.trapeziusLeft, units: Units(31))])
        let found = try #require(DoseFigures(session: session, otherSessions: [], doseLimits: limits))
        #expect(found.sites.first?.tally == DoseFigures.Tally(units: Units(31), limit: Units(30)))
        #expect(found.sites.first?.tally.isOverLimit == true)
        #expect(found.session.limit == Units(200))
        #expect(found.cumulative.tally.limit == Units(300))
    }
}
