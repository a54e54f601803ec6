import Testing
@testable import TenderpointCore

@Suite struct DoseCheckTests {
    private static let trapeziusPoint = InjectionSite.tenderPoint(TenderPointSite(.trapezius, .left))
    private static let trapeziusMuscle = InjectionSite.muscle(MuscleSite(.trapezius, .left))
    private static let ona = ToxinProduct.onabotulinumtoxinA
    private static let sessionDate = CalendarDate(iso: "2026-05-15")!

    private static func injection(_ index: Int, _ site: InjectionSite, tenths: Int) -> DoseCheck.Injection {
        DoseCheck.Injection(field: "injections[\(index)].units", site: site, units: Units(tenths: tenths))
    }

    /// One injection of `tenths` at each of the first sites in `MuscleSite.all` (all different).
    private static func spread(_ tenths: [Int]) -> [DoseCheck.Injection] {
        tenths.enumerated().map { injection($0.offset, .muscle(MuscleSite.all[$0.offset]), tenths: $0.element) }
    }

    private static func earlier(_ iso: String, _ product: ToxinProduct = ona, units: Int) -> DoseCheck.RecordedSession {
        DoseCheck.RecordedSession(date: CalendarDate(iso: iso)!, dose: ProductDose(product: product, units: Units(units)))
    }

    private static func limits(_ site: Int, _ session: Int, _ cumulative: Int) -> DoseLimits {
        DoseLimits(perSite: Units(site), perSession: Units(session), cumulativeThreeMonths: Units(cumulative))
    }

    private static func check(_ injections: [DoseCheck.Injection], earlier: [DoseCheck.RecordedSession] = [],
                              product: ToxinProduct = ona, date: CalendarDate = sessionDate,
                              limits: DoseLimits? = limits(50, 400, 400)) -> [Problem] {
        DoseCheck.problems(product: product, sessionDate: date, injections: injections,
                           otherSessions: earlier, limits: limits)
    }

    // MARK: per site

    @Test(arguments: [
        (ToxinProduct.onabotulinumtoxinA, 500), (.abobotulinumtoxinA, 1500),
        (.incobotulinumtoxinA, 500), (.rimabotulinumtoxinB, 25000),
    ])
    func perSiteDefaultExactlyAtTheLimitPassesAndATenthOverFails(product: ToxinProduct, limitTenths: Int) {
        let limits = product.defaultLimits
        #expect(Self.check([Self.injection(0, Self.trapeziusPoint, tenths: limitTenths)], product: product, limits: limits).isEmpty)
        let over = Self.check([Self.injection(0, Self.trapeziusPoint, tenths: limitTenths + 1)], product: product, limits: limits)
        #expect(over.map(\.code) == [.doseLimitExceeded])
        #expect(over.map(\.field) == ["injections[0].units"])
    }

    @Test func perSiteOneUnitOver() {
        let found = Self.check([Self.injection(0, Self.trapeziusPoint, tenths: 510)])
        #expect(found.map(\.field) == ["injections[0].units"])
        #expect(found.first?.message == "51 U of onabotulinumtoxinA at Trapezius, left (tender point) in this session exceeds the per-site limit of 50 U.")
    }

    @Test func unitsAtTheSameSiteAreSummed() {
        // 30 + 20 = 50: at the limit
        #expect(Self.check([Self.injection(0, Self.trapeziusPoint, tenths: 300),
                            Self.injection(1, Self.trapeziusPoint, tenths: 200)]).isEmpty)
        // 30 + 20.1 = 50.1: the second injection takes the site over
        let found = Self.check([Self.injection(0, Self.trapeziusPoint, tenths: 300),
                                Self.injection(1, Self.trapeziusPoint, tenths: 201)])
        #expect(found.map(\.field) == ["injections[1].units"])
        #expect(found.first?.message.hasPrefix("50.1 U of onabotulinumtoxinA at Trapezius, left") == true)
    }

    @Test func anOverSiteIsReportedOnceOnTheInjectionThatCrossedTheLimit() {
        // 60 at once, then 10 more at the same site: one problem, on the first; message has 70 U.
        let found = Self.check([Self.injection(0, Self.trapeziusPoint, tenths: 600),
                                Self.injection(1, .muscle(MuscleSite(.piriformis, .left)), tenths: 100),
                                Self.injection(2, Self.trapeziusPoint, tenths: 100)])
        #expect(found.map(\.field) == ["injections[0].units"])
        #expect(found.first?.message.hasPrefix("70 U") == true)
    }

    @Test func differentSitesAreNotSummed() {
        // Tender point vs muscle of the same name, and left vs right: 40 U each, all under 50.
        #expect(Self.check([Self.injection(0, Self.trapeziusPoint, tenths: 400),
                            Self.injection(1, Self.trapeziusMuscle, tenths: 400),
                            Self.injection(2, .tenderPoint(TenderPointSite(.trapezius, .right)), tenths: 400)]).isEmpty)
    }

    // MARK: per session

    @Test func perSessionAtTheLimitPasses() {
        // 50 + 50 = 100 with a per-session limit of 100
        #expect(Self.check(Self.spread([500, 500]), limits: Self.limits(50, 100, 1000)).isEmpty)
    }

    @Test(arguments: [(501, "100.1 U"), (510, "101 U")])
    func perSessionOverFails(secondTenths: Int, total: String) {
        // 50 + 50.1 = 100.1 and 50 + 51 = 101; a per-site limit of 60 keeps each site within it.
        let found = Self.check(Self.spread([500, secondTenths]), limits: Self.limits(60, 100, 1000))
        #expect(found.map(\.code) == [.doseLimitExceeded])
        #expect(found.map(\.field) == ["injections"])
        #expect(found.first?.message == "\(total) of onabotulinumtoxinA in this session exceeds the per-session limit of 100 U.")
    }

    @Test func eightSitesAtFiftyIsExactlyTheOnabotulinumtoxinADefault() {
        // 8 × 50 = 400
        #expect(Self.check(Self.spread(Array(repeating: 500, count: 8))).isEmpty)
        // 8 × 50 + 0.1 = 400.1: over per session and, with no other sessions, over 84 days too
        let found = Self.check(Self.spread(Array(repeating: 500, count: 8) + [1]))
        #expect(found.map(\.field) == ["injections", "injections"])
    }

    // MARK: cumulative over any 84 days, both directions

    @Test func cumulativeAtTheLimitPasses() {
        // 300 earlier + 100 now = 400
        #expect(Self.check(Self.spread([500, 500]), earlier: [Self.earlier("2026-04-01", units: 300)]).isEmpty)
    }

    @Test func cumulativeOneTenthOverFails() {
        // 300 on 1 April + 50 + 50 + 0.1 now = 400.1; the heaviest window is the earliest one
        // holding 1 April and 15 May: 1 April − 0 … the window starting 83 days before 15 May
        // (21 February) already holds both, so it is named.
        let found = Self.check(Self.spread([500, 500, 1]), earlier: [Self.earlier("2026-04-01", units: 300)])
        #expect(found.map(\.code) == [.doseLimitExceeded])
        #expect(found.map(\.field) == ["injections"])
        #expect(found.first?.message == "400.1 U of onabotulinumtoxinA in the 84 days 2026-02-21 to 2026-05-15 "
                + "(this session's 100.1 U and 300 U on 2026-04-01) exceeds the limit of 400 U in any 84 days.")
    }

    @Test func cumulativeMessageGivesTheNumbers() {
        // 250 + 110 earlier + 50 now = 410
        let found = Self.check(Self.spread([500]), earlier: [Self.earlier("2026-03-01", units: 250),
                                                             Self.earlier("2026-04-20", units: 110)])
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("410 U of onabotulinumtoxinA in the 84 days 2026-02-21 to 2026-05-15") == true)
        #expect(found.first?.message.contains("250 U on 2026-03-01, 110 U on 2026-04-20") == true)
    }

    @Test(arguments: [("2026-02-20", false), ("2026-02-21", true)])
    func day84BeforeIsOutDay83Counts(earlierDate: String, counts: Bool) {
        // 15 May − 84 days = 20 February: 84 days apart never add up; 21 February (83 days) does.
        // 360 earlier + 50 now = 410 > 400 only if they share a window.
        let found = Self.check(Self.spread([500]), earlier: [Self.earlier(earlierDate, units: 360)])
        #expect(found.isEmpty == !counts)
    }

    @Test(arguments: [("2026-08-07", false), ("2026-08-06", true)])
    func day84AfterIsOutDay83Counts(laterDate: String, counts: Bool) {
        // A session charted late for 15 May is held against the later sessions too:
        // 15 May + 84 days = 7 August (out), 6 August (83 days) shares a window.
        let found = Self.check(Self.spread([500]), earlier: [Self.earlier(laterDate, units: 360)])
        #expect(found.isEmpty == !counts)
        if counts {
            #expect(found.first?.message.contains("2026-05-15 to 2026-08-06") == true)
        }
    }

    @Test func aBackDatedSessionBetweenTwoIsHeldAgainstTheHeavierSide() {
        // 300 U on 1 March and 300 U on 1 July; a late-charted 150 U on 1 May: each side alone is
        // 450 U within 83 days of 1 May (61 days each way), but 1 March and 1 July are 122 days
        // apart, so no window holds all three. Over the limit on either side.
        let found = Self.check(Self.spread([500, 500, 500]), earlier: [Self.earlier("2026-03-01", units: 300),
                                                                       Self.earlier("2026-07-01", units: 300)],
                               date: CalendarDate(iso: "2026-05-01")!)
        #expect(found.map(\.code) == [.doseLimitExceeded])
        #expect(found.first?.message.hasPrefix("450 U") == true)
        // 100 U fits on both sides (400 each).
        #expect(Self.check(Self.spread([500, 500]), earlier: [Self.earlier("2026-03-01", units: 300),
                                                               Self.earlier("2026-07-01", units: 300)],
                           date: CalendarDate(iso: "2026-05-01")!).isEmpty)
    }

    @Test func eightHundredUnitsWithin31DaysIsRefusedWhicheverIsChartedLast() {
        // The example: 400 U on 1 June, then 400 U charted late for 1 May (31 days before).
        let late = Self.check(Self.spread(Array(repeating: 500, count: 8)), earlier: [Self.earlier("2026-06-01", units: 400)],
                              date: CalendarDate(iso: "2026-05-01")!)
        #expect(late.map(\.code) == [.doseLimitExceeded])
        #expect(late.first?.message.hasPrefix("800 U") == true)
    }

    @Test func threeHundredEveryTwelveWeeksNeverAddsUp() {
        // 300 U every 84 days: no 84-day window ever holds two of them.
        let history = (0..<4).map { Self.earlier(CalendarDate(iso: "2026-01-05")!.adding(days: 84 * $0).iso, units: 300) }
        let next = CalendarDate(iso: "2026-01-05")!.adding(days: 84 * 4)
        #expect(Self.check(Self.spread([500, 500, 500, 500, 500, 500]), earlier: history, date: next).isEmpty)
    }

    @Test func heaviestWindowOfASessionAloneEndsOnIt() {
        let window = DoseCheck.heaviestWindow(containing: Self.sessionDate, product: Self.ona, otherSessions: [])
        #expect(window.from.iso == "2026-02-21")
        #expect(window.to == Self.sessionDate)
        #expect(window.otherUnits == .zero)
    }

    @Test func aSessionTheSameDayCounts() {
        #expect(Self.check(Self.spread([500]), earlier: [Self.earlier("2026-05-15", units: 360)]).count == 1)
    }

    @Test func otherProductsAreIgnored() {
        // 1000 U of Dysport and 10000 U of NeuroBloc last month do not count towards Botox.
        let found = Self.check(Self.spread([500]), earlier: [Self.earlier("2026-04-15", .abobotulinumtoxinA, units: 1000),
                                                             Self.earlier("2026-04-16", .rimabotulinumtoxinB, units: 10000)])
        #expect(found.isEmpty)
    }

    // MARK: no limits, everything at once

    @Test(arguments: [ToxinProduct.daxibotulinumtoxinA, .prabotulinumtoxinA, .letibotulinumtoxinA])
    func productsWithoutLimitsCannotBeCharted(product: ToxinProduct) {
        let found = Self.check(Self.spread([10]), product: product, limits: product.defaultLimits)
        #expect(found.map(\.code) == [.doseLimitsNotSet])
        #expect(found.first?.message.contains(product.rawValue) == true)
    }

    @Test func everyProblemAtOnce() {
        // Site 0: 60 U (> 50); sites 1–7: 50 U each; total 410 U; plus 100 U earlier = 510 U.
        let found = Self.check(Self.spread([600] + Array(repeating: 500, count: 7)),
                               earlier: [Self.earlier("2026-03-15", units: 100)])
        #expect(found.map(\.field) == ["injections[0].units", "injections", "injections"])
        #expect(found[1].message.hasPrefix("410 U"))
        #expect(found[2].message.hasPrefix("510 U"))
    }
}
