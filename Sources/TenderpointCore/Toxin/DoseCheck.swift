/// Checks a session's planned units of one product against the limits in force (DOMAIN.md §2).
/// It reports; it never proposes a dose.
public enum DoseCheck {
    /// The cumulative limit holds over any window of this many consecutive days (12 weeks: the
    /// labels' "3-month interval", also the minimum re-injection interval). Two sessions 84 days
    /// or more apart never share a window, so they never add up.
    public static let cumulativeWindowDays = 84

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

    /// Another recorded (not voided) session of the patient, before or after the one checked, of
    /// any product: other products are left out of every sum.
    public struct RecordedSession: Hashable, Sendable {
        public let date: CalendarDate
        public let dose: ProductDose

        public init(date: CalendarDate, dose: ProductDose) {
            self.date = date
            self.dose = dose
        }
    }

    /// An 84-day window (both ends counted) around a session, and the other sessions of the same
    /// product inside it.
    public struct Window: Hashable, Sendable {
        public let from: CalendarDate
        public let to: CalendarDate
        /// The other sessions of the product inside the window, oldest first.
        public let otherSessions: [RecordedSession]
        public var otherUnits: Units { Units.sum(otherSessions.map(\.dose.units)) }
    }

    /// Every limit the session breaks, all at once:
    /// - no limits → `doseLimitsNotSet` (the product cannot be charted);
    /// - the units at one site (summed over the session) above `perSite` → `doseLimitExceeded` on
    ///   the injection that takes the site over the limit;
    /// - the session total above `perSession` → `doseLimitExceeded` on `injections`;
    /// - this session plus the other sessions of the same product in any 84-day window that
    ///   contains its date — sessions up to 83 days before **and after** it, so a session charted
    ///   late for an earlier date is held against the later ones too — above the cumulative limit
    ///   → `doseLimitExceeded` on `injections`, naming the heaviest window.
    public static func problems(product: ToxinProduct, sessionDate: CalendarDate, injections: [Injection],
                                otherSessions: [RecordedSession], limits: DoseLimits?) -> [Problem] {
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
                let siteTotal = Units.sum(injections.filter { $0.site == injection.site }.map(\.units))
                problems.append(Problem(.doseLimitExceeded,
                                        "\(siteTotal) of \(product.rawValue) at \(injection.site.name) in this session "
                                        + "exceeds the per-site limit of \(limits.perSite).",
                                        field: injection.field))
            }
        }

        let sessionTotal = Units.sum(injections.map(\.units))
        if sessionTotal > limits.perSession {
            problems.append(Problem(.doseLimitExceeded,
                                    "\(sessionTotal) of \(product.rawValue) in this session exceeds the per-session "
                                    + "limit of \(limits.perSession).",
                                    field: "injections"))
        }

        let window = heaviestWindow(containing: sessionDate, product: product, otherSessions: otherSessions)
        let cumulative = sessionTotal + window.otherUnits
        if cumulative > limits.cumulativeThreeMonths {
            let others = window.otherSessions.map { "\($0.dose.units) on \($0.date)" }.joined(separator: ", ")
            problems.append(Problem(.doseLimitExceeded,
                                    "\(cumulative) of \(product.rawValue) in the \(cumulativeWindowDays) days "
                                    + "\(window.from) to \(window.to) (this session's \(sessionTotal) and \(others)) "
                                    + "exceeds the limit of \(limits.cumulativeThreeMonths) in any \(cumulativeWindowDays) days.",
                                    field: "injections"))
        }
        return problems
    }

    /// Of the 84 windows of 84 days that contain `sessionDate` (starting 83 days before it up to
    /// on it), the one whose other sessions of `product` hold the most units; on a tie the
    /// earliest, so a session with nothing around it shows the 84 days that end on it. `DoseCheck`
    /// and `DoseFigures` both ask here, so the window is defined once.
    public static func heaviestWindow(containing sessionDate: CalendarDate, product: ToxinProduct,
                                      otherSessions: [RecordedSession]) -> Window {
        let span = cumulativeWindowDays - 1
        let nearby = otherSessions
            .filter { $0.dose.product == product && abs($0.date.days(since: sessionDate)) <= span }
            .sorted { $0.date < $1.date }
        var best = Window(from: sessionDate.adding(days: -span), to: sessionDate, otherSessions: [])
        var bestUnits = Units.zero
        for offset in stride(from: -span, through: 0, by: 1) {
            let from = sessionDate.adding(days: offset)
            let to = from.adding(days: span)
            let inside = nearby.filter { $0.date >= from && $0.date <= to }
            let units = Units.sum(inside.map(\.dose.units))
            if units > bestUnits {
                best = Window(from: from, to: to, otherSessions: inside)
                bestUnits = units
            }
        }
        return best
    }
}
