import Foundation

/// An injection session as charted, before it is accepted: what `SessionValidation` checks.
public struct ProposedSession: Sendable {
    /// One injection as charted. `stock` is nil when the vial the chart names does not exist;
    /// `vialReference` is how the chart named it (the vial's id), so a lot recall can find it.
    public struct Injection: Sendable {
        public let vialReference: String
        public let stock: VialStock?
        public let site: InjectionSite
        public let units: Units

        public init(vialReference: String, stock: VialStock?, site: InjectionSite, units: Units) {
            self.vialReference = vialReference
            self.stock = stock
            self.site = site
            self.units = units
        }

        /// An injection from an open vial with nothing drawn from it yet.
        public init(vialReference: String, vial: Vial?, site: InjectionSite, units: Units) {
            self.init(vialReference: vialReference, stock: vial.map { VialStock(vial: $0) }, site: site, units: units)
        }

        public var vial: Vial? { stock?.vial }
    }

    /// The clinic calendar date of the session.
    public let date: CalendarDate
    /// When the toxin was injected: never in the future; the vials' expiry, in-use period and
    /// state are checked against it.
    public let performedAt: Date
    /// Who charts it: a clinician, or a nurse under a supervising clinician.
    public let chartedBy: Role
    public let supervision: Supervision
    public let patientBirthDate: CalendarDate?
    public let screening: ContraindicationScreen
    public let acknowledged: Set<ScreeningItem>
    public let consent: ConsentRecord?
    public let injections: [Injection]
    /// A clinician's override of the minimum interval, with its reason.
    public let overrideReason: String?

    public init(date: CalendarDate, performedAt: Date, chartedBy: Role, supervision: Supervision = .none,
                patientBirthDate: CalendarDate?, screening: ContraindicationScreen, acknowledged: Set<ScreeningItem>,
                consent: ConsentRecord?, injections: [Injection], overrideReason: String?) {
        self.date = date
        self.performedAt = performedAt
        self.chartedBy = chartedBy
        self.supervision = supervision
        self.patientBirthDate = patientBirthDate
        self.screening = screening
        self.acknowledged = acknowledged
        self.consent = consent
        self.injections = injections
        self.overrideReason = overrideReason
    }
}
