/// Checks a session's planned units of one product against the limits in force (DOMAIN.md §2).
/// It reports; it never proposes a dose.
public enum DoseCheck {
    /// One injection of the session being checked. `field` is the input field to blame
    /// (e.g. `injections[2].units`).
    public struct Injection: Hashable, Sendable {
        public let field: String
        public let site: InjectionSite
        public let units: Units

        public init(field: String, site: InjectionSite, units: Units) {
            self.field = field
            self.site = site
            self.units = units
        }
    }

    /// The total of an earlier session (of any product: other products are left out of the sum).
    public struct EarlierSession: Hashable, Sendable {
        public let date: CalendarDate
        public let dose: ProductDose

        public init(date: CalendarDate, dose: ProductDose) {
            self.date = date
            self.dose = dose
        }
    }

    /// Every limit the session breaks, all at once:
    /// - no limits → `doseLimitsNotSet` (the product cannot be charted);
    /// - the units at one site (summed over the session) above `perSite` → `doseLimitExceeded` on
    ///   the injection that takes the site over the limit;
    /// - the session total above `perSession` → `doseLimitExceeded` on `injections`;
    /// - this session plus earlier sessions of the same product dated after
    ///   `sessionDate − 3 calendar months` and not after `sessionDate`, above
    ///   `cumulativeThreeMonths` → `doseLimitExceeded` on `injections`.
    public static func problems(product: ToxinProduct, sessionDate: CalendarDate, injections: [Injection],
                                earlierSessions: [EarlierSession], limits: DoseLimits?) -> [Problem] {
        guard let limits else {
            return [Problem(.doseLimitsNotSet,
                            "No dose limits are set for \(product.rawValue): the clinic must set them before it can be charted.")]
        }
        var problems: [Problem] = []

        var siteTotals: [InjectionSite: Units] = [:]
        var sitesReported: Set<InjectionSite> = []
        for injection in injections {
            let total = siteTotals[injection.site, default: .zero] + injection.units
            siteTotals[injection.site] = total
            if total > limits.perSite, !sitesReported.contains(injection.site) {
                sitesReported.insert(injection.site)
                let siteTotal = injections.filter { $0.site == injection.site }.reduce(Units.zero) { $0 + $1.units }
                problems.append(Problem(.doseLimitExceeded,
                                        "\(siteTotal) of \(product.rawValue) at \(injection.site.name) in this session "
                                        + "exceeds the per-site limit of \(limits.perSite).",
                                        field: injection.field))
            }
        }

        let sessionTotal = injections.reduce(Units.zero) { $0 + $1.units }
        if sessionTotal > limits.perSession {
            problems.append(Problem(.doseLimitExceeded,
                                    "\(sessionTotal) of \(product.rawValue) in this session exceeds the per-session "
                                    + "limit of \(limits.perSession).",
                                    field: "injections"))
        }

        let windowFirstDay = cumulativeWindowFirstDay(sessionDate)
        let earlierTotal = sessionsInCumulativeWindow(earlierSessions, product: product, sessionDate: sessionDate)
            .reduce(Units.zero) { $0 + $1.dose.units }
        let cumulative = sessionTotal + earlierTotal
        if cumulative > limits.cumulativeThreeMonths {
            problems.append(Problem(.doseLimitExceeded,
                                    "\(cumulative) of \(product.rawValue) in the 3 months to \(sessionDate) "
                                    + "(\(windowFirstDay) to \(sessionDate); \(earlierTotal) in earlier sessions) "
                                    + "exceeds the limit of \(limits.cumulativeThreeMonths).",
                                    field: "injections"))
        }
        return problems
    }

    /// The cumulative window of a session on `sessionDate` is (sessionDate − 3 calendar months,
    /// sessionDate]: a session exactly 3 calendar months earlier has dropped out of it. This is its
    /// first day; `DoseCheck` and `DoseFigures` both ask here, so the window is defined once.
    public static func cumulativeWindowFirstDay(_ sessionDate: CalendarDate) -> CalendarDate {
        sessionDate.adding(months: -3).adding(days: 1)
    }

    /// The earlier sessions of `product` inside that window (an earlier session on the same day
    /// counts), oldest first.
    public static func sessionsInCumulativeWindow(_ earlierSessions: [EarlierSession], product: ToxinProduct,
                                                  sessionDate: CalendarDate) -> [EarlierSession] {
        let firstDay = cumulativeWindowFirstDay(sessionDate)
        return earlierSessions
            .filter { $0.dose.product == product && $0.date >= firstDay && $0.date <= sessionDate }
            .sorted { $0.date < $1.date }
    }
}
