/// One pain NRS score on a calendar date, as recorded (0–10; a `Double` because a caller may pass
/// a value that is already an average).
public struct PainObservation: Hashable, Codable, Sendable {
    public let date: CalendarDate
    public let nrs: Double
    public let source: PainSource

    public init(date: CalendarDate, nrs: Double, source: PainSource) {
        self.date = date
        self.nrs = nrs
        self.source = source
    }

    /// A finite score on the 0–10 scale; anything else is left out of every calculation.
    public var isUsable: Bool { nrs.isFinite && (0...10).contains(nrs) }
}
