/// The figures behind `DoseCheck.problems`, for a running display while a session is charted:
/// the units at each site, in the session and in the cumulative window, each against its limit.
/// The sums and the window are `DoseCheck`'s (DOMAIN.md §2, docs/clinical-rules.md): units at
/// one site are summed, the cumulative figure is the heaviest 84-day window containing the
/// session, and a figure breaks its limit only when it is above it. It reports; it never
/// proposes a dose.
public struct DoseFigures: Hashable, Sendable {
    /// One figure and the limit it is held against (nil when the product has no limits set, so
    /// it cannot be charted at all).
    public struct Tally: Hashable, Sendable {
        public let units: Units
        public let limit: Units?

        public init(units: Units, limit: Units?) {
            self.units = units
            self.limit = limit
        }

        /// Exactly at the limit is allowed.
        public var isOverLimit: Bool { limit.map { units > $0 } ?? false }
    }

    /// The units at one site in this session.
    public struct SiteTotal: Hashable, Sendable {
        public let site: InjectionSite
        public let tally: Tally
    }

    /// This session and the other sessions of the same product in the heaviest 84-day window
    /// that contains it (`DoseCheck.heaviestWindow`).
    public struct Cumulative: Hashable, Sendable {
        /// The window's first day (83 days before its last).
        public let from: CalendarDate
        /// The window's last day.
        public let to: CalendarDate
        /// The dates of the other sessions of this product inside the window, oldest first
        /// (they may be after the session, when it is charted late for an earlier date).
        public let otherSessionDates: [CalendarDate]
        public let otherUnits: Units
        /// Other units plus this session's, against the cumulative limit.
        public let tally: Tally
    }

    public let product: ToxinProduct
    public let limits: DoseLimits?
    /// Each site once, in the order it was first charted.
    public let sites: [SiteTotal]
    public let session: Tally
    public let cumulative: Cumulative

    /// The figures for a session of `product` on `sessionDate`; `otherSessions` may hold any
    /// product (others are left out of the sum, as units are never added across products).
    public init(product: ToxinProduct, sessionDate: CalendarDate, injections: [DoseCheck.Injection],
                otherSessions: [DoseCheck.RecordedSession], limits: DoseLimits?) {
        self.product = product
        self.limits = limits

        var order: [InjectionSite] = []
        var siteUnits: [InjectionSite: Units] = [:]
        for injection in injections {
            if siteUnits[injection.site] == nil { order.append(injection.site) }
            siteUnits[injection.site, default: .zero] = siteUnits[injection.site, default: .zero] + injection.units
        }
        sites = order.map { SiteTotal(site: $0, tally: Tally(units: siteUnits[$0] ?? .zero, limit: limits?.perSite)) }

        let sessionUnits = Units.sum(injections.map(\.units))
        session = Tally(units: sessionUnits, limit: limits?.perSession)

        let window = DoseCheck.heaviestWindow(containing: sessionDate, product: product, otherSessions: otherSessions)
        cumulative = Cumulative(from: window.from, to: window.to,
                                otherSessionDates: window.otherSessions.map(\.date), otherUnits: window.otherUnits,
                                tally: Tally(units: window.otherUnits + sessionUnits, limit: limits?.cumulativeThreeMonths))
    }

    /// The figures of a proposed session as `SessionValidation` checks it: its injections whose
    /// vials are known name the product; nil when none does or when they name more than one
    /// (mixed products are refused, and their units are never added).
    public init?(session: ProposedSession, otherSessions: [DoseCheck.RecordedSession], doseLimits: ClinicDoseLimits) {
        let products = Set(session.injections.compactMap { $0.vial?.product })
        guard products.count == 1, let product = products.first else { return nil }
        let injections = session.injections.enumerated().map { index, injection in
            DoseCheck.Injection(field: "injections[\(index)].units", site: injection.site, units: injection.units)
        }
        self.init(product: product, sessionDate: session.date, injections: injections,
                  otherSessions: otherSessions, limits: doseLimits.limits(for: product))
    }
}
