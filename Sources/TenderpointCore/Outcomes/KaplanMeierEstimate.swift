/// A Kaplan–Meier survival curve, one entry per distinct event time (the curve is flat
/// between them and 1 before the first), with its pointwise confidence band and median.
public struct KaplanMeierEstimate: Hashable, Codable, Sendable {
    /// Observations used: events and censored alike.
    public let subjects: Int
    /// Distinct event times, ascending.
    public let times: [Double]
    /// S(t) just after each time.
    public let survival: [Double]
    /// Subjects still at risk at each time (censored at that very time included).
    public let atRisk: [Int]
    public let events: [Int]
    /// The pointwise confidence band of S(t): log-log transformed Greenwood interval.
    public let lowerBand: [Double]
    public let upperBand: [Double]
    /// The smallest time with S(t) ≤ 0.5; nil when the curve never falls that far.
    public let median: Double?
    /// The median's confidence interval (Brookmeyer–Crowley, from the band).
    public let medianInterval: MedianInterval
    /// The normal quantile the band was computed with.
    public let z: Double

    public init(subjects: Int, times: [Double], survival: [Double], atRisk: [Int], events: [Int],
                lowerBand: [Double], upperBand: [Double], median: Double?, medianInterval: MedianInterval, z: Double) {
        self.subjects = subjects
        self.times = times
        self.survival = survival
        self.atRisk = atRisk
        self.events = events
        self.lowerBand = lowerBand
        self.upperBand = upperBand
        self.median = median
        self.medianInterval = medianInterval
        self.z = z
    }
}
