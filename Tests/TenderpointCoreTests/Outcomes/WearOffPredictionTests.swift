import Foundation
import Testing
@testable import TenderpointCore

/// Last session 2026-01-05. Hand arithmetic: Jan 31 is +26, Feb 28 +54, Mar 11 +65, Mar 29 +83,
/// Mar 30 +84, Mar 31 +85, Apr 7 +92, Apr 8 +93, Apr 13 +98, Apr 15 +100, Apr 20 +105,
/// Apr 27 +112, Apr 30 +115, May 5 +120.
@Suite struct WearOffPredictionTests {
    private let last = CalendarDate(iso: "2026-01-05")!
    private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func constants() {
        #expect(WearOffPrediction.defaultBenefitDays == 105)
        #expect(WearOffPrediction.minimumOwnCycles == 2)
        #expect(WearOffPrediction.leadDays == 7)
    }

    @Test func ownCyclesMedian() {
        // Median of 90, 100, 110 is 100: wear-off +100, recommended +93.
        let prediction = WearOffPrediction.predict(pastCycles: [110, 90, 100], populationMedian: 80, lastSessionDate: last)
        #expect(prediction == WearOffPrediction(lastSessionDate: last, benefitDays: 100, predictedWearOff: day("2026-04-15"),
                                                recommendedDate: day("2026-04-08"), basis: .ownCycles(3), adjustment: .none))
    }

    @Test(arguments: [
        ([90, 95], 92),   // (90 + 95) ÷ 2 = 92.5 → halves down → 92
        ([93, 94], 93),   // 93.5 → 93
        ([80, 99, 101, 200], 100),  // (99 + 101) ÷ 2 = 100
        ([85, 86, 300], 86),
    ])
    func medianOfWholeDaysRoundsHalvesDown(cycles: [Int], days: Int) {
        let prediction = WearOffPrediction.predict(pastCycles: cycles, populationMedian: nil, lastSessionDate: last)
        #expect(prediction.benefitDays == days)
        #expect(prediction.predictedWearOff == last.adding(days: days))
        #expect(prediction.basis == .ownCycles(cycles.count))
    }

    @Test func oneOwnCycleFallsBackToThePopulation() {
        // 99.5 → 99; recommended +92 = Apr 7.
        let prediction = WearOffPrediction.predict(pastCycles: [70], populationMedian: 99.5, lastSessionDate: last)
        #expect(prediction.basis == .population)
        #expect(prediction.benefitDays == 99)
        #expect(prediction.recommendedDate == day("2026-04-07"))
    }

    @Test(arguments: [(99.4, 99), (99.6, 100), (100.0, 100)])
    func populationMedianRounding(median: Double, days: Int) {
        #expect(WearOffPrediction.predict(pastCycles: [], populationMedian: median, lastSessionDate: last).benefitDays == days)
    }

    @Test(arguments: [nil, 0.0, -10.0, Double.nan, Double.infinity])
    func noUsableFiguresUseTheDefault(population: Double?) {
        // 105 days = 15 weeks: wear-off Apr 20, recommended +98 = Apr 13. Invalid own cycles
        // (0 and −5) are left out, leaving one.
        let prediction = WearOffPrediction.predict(pastCycles: [0, -5, 100], populationMedian: population, lastSessionDate: last)
        #expect(prediction == WearOffPrediction(lastSessionDate: last, benefitDays: 105, predictedWearOff: day("2026-04-20"),
                                                recommendedDate: day("2026-04-13"), basis: .defaults, adjustment: .none))
    }

    @Test(arguments: [
        // benefit days, recommended day after the last session, adjustment
        (65, 84, RecommendationAdjustment.raisedToMinimumInterval),  // 58 → 84
        (90, 84, .raisedToMinimumInterval),                          // 83 → 84
        (91, 84, .none),                                             // 84 exactly
        (119, 112, .none),                                           // 112 exactly
        (120, 112, .loweredToTargetWindowEnd),                       // 113 → 112
        (300, 112, .loweredToTargetWindowEnd),
    ])
    func recommendationIsKeptInsideDays84To112(benefit: Int, recommended: Int, adjustment: RecommendationAdjustment) {
        let prediction = WearOffPrediction.predict(pastCycles: [benefit, benefit], populationMedian: nil, lastSessionDate: last)
        #expect(prediction.predictedWearOff == last.adding(days: benefit))
        #expect(prediction.recommendedDate == last.adding(days: recommended))
        #expect(prediction.adjustment == adjustment)
    }

    @Test func neverBeforeTheMinimumIntervalByDate() {
        // Benefit 65 days: wear-off Mar 11, but the earliest allowed session is Mar 30 (+84), not Mar 29.
        let prediction = WearOffPrediction.predict(pastCycles: [60, 70], populationMedian: nil, lastSessionDate: last)
        #expect(prediction.predictedWearOff == day("2026-03-11"))
        #expect(prediction.recommendedDate == day("2026-03-30"))
        #expect(prediction.recommendedDate == ReinjectionWindow(after: last).earliest)
    }

    @Test func aTinyPopulationFigureStillPredictsADay() {
        let prediction = WearOffPrediction.predict(pastCycles: [], populationMedian: 0.3, lastSessionDate: last)
        #expect(prediction.benefitDays == 1)
        #expect(prediction.recommendedDate == day("2026-03-30"))
    }

    @Test func encodesAsJSON() throws {
        let prediction = WearOffPrediction.predict(pastCycles: [90, 100], populationMedian: nil, lastSessionDate: last)
        let data = try JSONEncoder().encode(prediction)
        #expect(try JSONDecoder().decode(WearOffPrediction.self, from: data) == prediction)
    }
}
