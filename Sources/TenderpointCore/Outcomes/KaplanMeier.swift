import Foundation

/// The Kaplan–Meier estimator with the conventions of Python's lifelines (`KaplanMeierFitter`),
/// so that its results can be checked against it.
///
/// - S(t) = Π (nᵢ − dᵢ) ÷ nᵢ over event times tᵢ ≤ t; nᵢ counts everyone whose time is ≥ tᵢ, so a
///   subject censored at an event time is still at risk at it.
/// - Greenwood: V(t) = Σ dᵢ ÷ (nᵢ (nᵢ − dᵢ)), a term with nᵢ = dᵢ counting 0 (as lifelines).
/// - Band (the "log-log" or exponential Greenwood interval, lifelines' and R's `conf.type =
///   "log-log"`): with w = z √V ÷ ln S, lower = exp(−exp(ln(−ln S) − w)) and upper =
///   exp(−exp(ln(−ln S) + w)); where S = 0 both are 0.
/// - Median: the smallest event time with S ≤ 0.5. Its interval (Brookmeyer–Crowley by way of the
///   band, as lifelines' `median_survival_times(confidence_interval_)`): the lower limit is the
///   first time the LOWER band is ≤ 0.5, the upper limit the first time the UPPER band is ≤ 0.5
///   (the lower band falls first); nil where a band never gets there (lifelines: `inf`).
///
/// "≤ 0.5" allows 1e-12, so that a curve falling to exactly one half (5 of 10) reaches it, as on
/// paper; lifelines compares its floating-point value, which can land either side of an exact
/// half, so data built to hit 0.5 exactly can disagree with it by one event time.
public enum KaplanMeier {
    static let halfTolerance = 1e-12

    /// Throws `valueOutOfRange` (field `time`) for a time that is negative or not finite, and
    /// `invalidValue` (field `z`) for a `z` that is not a positive finite number.
    public static func estimate(_ observations: [SurvivalObservation],
                                z: Double = Proportion.z95) throws(Problem) -> KaplanMeierEstimate {
        guard z.isFinite, z > 0 else { throw Problem(.invalidValue, "z must be a positive number, not \(z).", field: "z") }
        if let bad = observations.first(where: { !$0.time.isFinite || $0.time < 0 }) {
            throw Problem(.valueOutOfRange, "A survival time must be a finite number ≥ 0, not \(bad.time).", field: "time")
        }
        let sorted = observations.sorted { $0.time < $1.time }
        var times: [Double] = [], survival: [Double] = [], atRisk: [Int] = [], events: [Int] = []
        var lowerBand: [Double] = [], upperBand: [Double] = []
        var remaining = sorted.count
        var current = 1.0
        var greenwood = 0.0
        var index = 0
        while index < sorted.count {
            let time = sorted[index].time
            var deaths = 0, leaving = 0
            while index < sorted.count, sorted[index].time == time {
                if sorted[index].event { deaths += 1 }
                leaving += 1
                index += 1
            }
            if deaths > 0 {
                // Multiplying before dividing keeps exact fractions such as 0.75 × 2 ÷ 3 = 0.5 exact.
                current = current * Double(remaining - deaths) / Double(remaining)
                if remaining > deaths { greenwood += Double(deaths) / (Double(remaining) * Double(remaining - deaths)) }
                let band = Self.band(survival: current, greenwood: greenwood, z: z)
                times.append(time)
                survival.append(current)
                atRisk.append(remaining)
                events.append(deaths)
                lowerBand.append(band.lower)
                upperBand.append(band.upper)
            }
            remaining -= leaving
        }
        return KaplanMeierEstimate(
            subjects: sorted.count, times: times, survival: survival, atRisk: atRisk, events: events,
            lowerBand: lowerBand, upperBand: upperBand,
            median: firstTime(reachingHalf: survival, times: times),
            medianInterval: MedianInterval(lower: firstTime(reachingHalf: lowerBand, times: times),
                                           upper: firstTime(reachingHalf: upperBand, times: times)),
            z: z)
    }

    /// The number at risk at `time`: the observations lasting at least that long. One censored
    /// at `time` still counts, as in the estimate's risk sets (`KaplanMeierEstimate.atRisk`); the
    /// report's "number at risk" row under the curve is read here.
    public static func numberAtRisk(_ observations: [SurvivalObservation], at time: Double) -> Int {
        observations.count { $0.time >= time }
    }

    /// The same, for observations written as tuples.
    public static func estimate(_ observations: [(time: Double, event: Bool)],
                                z: Double = Proportion.z95) throws(Problem) -> KaplanMeierEstimate {
        try estimate(observations.map { SurvivalObservation(time: $0.time, event: $0.event) }, z: z)
    }

    static func band(survival: Double, greenwood: Double, z: Double) -> (lower: Double, upper: Double) {
        guard survival > 0 else { return (0, 0) }
        let logSurvival = Foundation.log(survival)
        let centre = Foundation.log(-logSurvival)
        let spread = z * greenwood.squareRoot() / logSurvival
        return (exp(-exp(centre - spread)), exp(-exp(centre + spread)))
    }

    static func firstTime(reachingHalf values: [Double], times: [Double]) -> Double? {
        values.firstIndex { $0 <= 0.5 + halfTolerance }.map { times[$0] }
    }
}
