/// When the next cycle's benefit is expected to wear off, and the re-injection date that follows.
///
/// The benefit is the median of the patient's own past cycles when there are at least 2, else the
/// clinic's population median, else 105 days: DOMAIN.md gives a duration of 3–4 months (12–16
/// weeks), and 15 weeks is its middle. A median between two whole days (92.5) is rounded to the
/// nearest day, halves down (92): an earlier wear-off is the safer guess for planning. The
/// recommended date is a week before the predicted wear-off, so the next session can take effect
/// before the benefit is gone, moved into days 84 … 112 after the last session
/// (`ReinjectionWindow`): never before the minimum interval, never after the target window.
public struct WearOffPrediction: Hashable, Codable, Sendable {
    public static let defaultBenefitDays = 105
    public static let minimumOwnCycles = 2
    public static let leadDays = 7

    public let lastSessionDate: CalendarDate
    /// Predicted days from the last session to wear-off.
    public let benefitDays: Int
    public let predictedWearOff: CalendarDate
    public let recommendedDate: CalendarDate
    public let basis: WearOffBasis
    public let adjustment: RecommendationAdjustment

    /// `pastCycles` are benefit days of cycles whose wear-off was observed (a censored cycle
    /// would shorten the median); values ≤ 0 are left out, and so is a population median that
    /// is not a positive finite number.
    public static func predict(pastCycles: [Int], populationMedian: Double?,
                               lastSessionDate: CalendarDate) -> WearOffPrediction {
        let own = pastCycles.filter { $0 > 0 }.sorted()
        let days: Int
        let basis: WearOffBasis
        if own.count >= minimumOwnCycles {
            let middle = own.count / 2
            let median = own.count.isMultiple(of: 2) ? (Double(own[middle - 1]) + Double(own[middle])) / 2 : Double(own[middle])
            days = roundedHalfDown(median)
            basis = .ownCycles(own.count)
        } else if let population = populationMedian, population.isFinite, population > 0 {
            days = max(1, roundedHalfDown(population))
            basis = .population
        } else {
            days = defaultBenefitDays
            basis = .defaults
        }
        let wanted = days - leadDays
        let recommended = min(max(wanted, ReinjectionWindow.minimumIntervalDays), ReinjectionWindow.targetToDays)
        let adjustment: RecommendationAdjustment = wanted < ReinjectionWindow.minimumIntervalDays ? .raisedToMinimumInterval
            : wanted > ReinjectionWindow.targetToDays ? .loweredToTargetWindowEnd : .none
        return WearOffPrediction(lastSessionDate: lastSessionDate, benefitDays: days,
                                 predictedWearOff: lastSessionDate.adding(days: days),
                                 recommendedDate: lastSessionDate.adding(days: recommended),
                                 basis: basis, adjustment: adjustment)
    }

    private static func roundedHalfDown(_ value: Double) -> Int {
        // Bounded first so a huge population figure cannot trap the conversion to Int.
        Int(min((value - 0.5).rounded(.up), 100_000))
    }
}

/// Why no wear-off date or recommended re-injection date is predicted (DOMAIN.md §3, "No
/// prediction without a response"): a prediction assumes a benefit that wears off, so none is
/// made while the primary non-response flag is raised, or before a response has been observed
/// in any cycle (`CycleReading.responseObserved`). The page says why and asks the clinician to
/// review whether to continue.
public struct PredictionWithheld: Hashable, Codable, Sendable {
    public enum Reason: String, Hashable, Codable, Sendable {
        /// The primary non-response flag is raised.
        case primaryNonResponse
        /// No cycle has shown a response yet (including a first cycle still under way).
        case noResponseObserved
    }

    public let reason: Reason
    /// Cycles without an observed response (with the primary flag, at least the flag's own cycles).
    public let cycles: Int
    public let message: String

    public init(reason: Reason, cycles: Int) {
        self.reason = reason
        self.cycles = cycles
        message = "No response observed in \(cycles) \(cycles == 1 ? "cycle" : "cycles"): review whether to continue."
    }

    /// Nil when a prediction may be made: there is at least one cycle, a response was observed in
    /// one of them, and the primary non-response flag is not raised.
    /// - Parameter responseObserved: one value per cycle (any order).
    public static func check(responseObserved: [Bool], primaryNonResponse: PrimaryNonResponse?) -> PredictionWithheld? {
        guard !responseObserved.isEmpty else { return nil }
        if let primaryNonResponse {
            // The flag reads the week-3 reviews; a cycle whose curve alone responded is not counted as without one.
            let without = max(responseObserved.count { !$0 }, primaryNonResponse.cycles.count)
            return PredictionWithheld(reason: .primaryNonResponse, cycles: without)
        }
        if !responseObserved.contains(true) { return PredictionWithheld(reason: .noResponseObserved, cycles: responseObserved.count) }
        return nil
    }
}
