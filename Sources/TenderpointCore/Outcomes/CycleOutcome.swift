/// What the non-response rules need to know about one treatment cycle.
public struct CycleOutcome: Hashable, Codable, Sendable {
    public let sessionDate: CalendarDate
    public let product: ToxinProduct
    /// The session's total, in `product`'s own units.
    public let totalUnits: Units
    /// NRS reduction at the week-3 review in per cent, for display.
    public let week3ReductionPercent: Double?
    /// IMMPACT responder (≥ 30 % reduction) at the week-3 review; nil when the cycle was not
    /// evaluated. The rules decide on this, not on the percentage.
    public let responder: Bool?
    /// Days since the previous toxin session; nil for the first.
    public let intervalDaysSincePrevious: Int?

    public init(sessionDate: CalendarDate, product: ToxinProduct, totalUnits: Units, week3ReductionPercent: Double?,
                responder: Bool?, intervalDaysSincePrevious: Int?) {
        self.sessionDate = sessionDate
        self.product = product
        self.totalUnits = totalUnits
        self.week3ReductionPercent = week3ReductionPercent
        self.responder = responder
        self.intervalDaysSincePrevious = intervalDaysSincePrevious
    }

    public var dose: ProductDose { ProductDose(product: product, units: totalUnits) }
}
