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
