import Foundation
import Testing
@testable import TenderpointCore

@Suite struct KaplanMeierTests {
    private func expectClose(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (value, wanted) in zip(actual, expected) {
            #expect(abs(value - wanted) < 1e-12, "\(value) ≠ \(wanted)", sourceLocation: sourceLocation)
        }
    }

    /// Ten subjects (+ = censored): 3, 5+, 6, 6, 8+, 10, 12, 12+, 15, 20+.
    ///
    /// | t  | n  | d | S = S₋ × (n − d) ÷ n     | V = Σ d ÷ (n(n − d))             |
    /// | 3  | 10 | 1 | 9/10 = 0.9               | 1/90 = 0.011111                  |
    /// | 6  | 8  | 2 | 0.9 × 6/8 = 0.675         | + 2/48 → 19/360 = 0.052778       |
    /// | 10 | 5  | 1 | 0.675 × 4/5 = 0.54        | + 1/20 → 37/360 = 0.102778       |
    /// | 12 | 4  | 1 | 0.54 × 3/4 = 0.405        | + 1/12 → 67/360 = 0.186111       |
    /// | 15 | 2  | 1 | 0.405 × 1/2 = 0.2025      | + 1/2  → 247/360 = 0.686111      |
    /// At 12 the subject censored at 12 is still at risk (n = 4: 12, 12+, 15, 20+).
    /// Band at t = 3: ln S = −0.1053605, ln(−ln S) = −2.2503673, w = z √V ÷ ln S =
    /// 1.959964 × 0.1054093 ÷ −0.1053605 = −1.9608937; lower = exp(−exp(−2.2503673 + 1.9608937))
    /// = exp(−0.7486589) = 0.4730093; upper = exp(−exp(−2.2503673 − 1.9608937)) = 0.9852814.
    /// Median: S first ≤ 0.5 at 12. Lower band ≤ 0.5 first at 3 (0.473); the upper band ends at
    /// 0.561 > 0.5, so the median's upper limit does not exist. (lifelines: 12, [3, inf].)
    private let textbook: [(time: Double, event: Bool)] = [
        (3, true), (5, false), (6, true), (6, true), (8, false), (10, true), (12, true), (12, false),
        (15, true), (20, false),
    ]

    @Test func textbookExampleWithTiesAndCensoring() throws {
        let estimate = try KaplanMeier.estimate(textbook)
        #expect(estimate.subjects == 10)
        #expect(estimate.times == [3, 6, 10, 12, 15])
        #expect(estimate.atRisk == [10, 8, 5, 4, 2])
        #expect(estimate.events == [1, 2, 1, 1, 1])
        expectClose(estimate.survival, [0.9, 0.675, 0.54, 0.405, 0.2025])
        expectClose(estimate.lowerBand, [0.47300927136205023, 0.29058535740313257, 0.18116533840412335,
                                         0.099916146386740678, 0.012110786830470633])
        expectClose(estimate.upperBand, [0.98528139336734311, 0.88249673370874016, 0.80071251733386939,
                                         0.70139805957620915, 0.56110020698560648])
        #expect(estimate.median == 12)
        #expect(estimate.medianInterval == MedianInterval(lower: 3, upper: nil))
        #expect(estimate.z == 1.959963984540054)
    }

    @Test func inputOrderDoesNotMatter() throws {
        let forwards = try KaplanMeier.estimate(textbook)
        let backwards = try KaplanMeier.estimate(Array(textbook.reversed()))
        #expect(forwards == backwards)
    }

    /// Four events at 1, 2, 3, 4: S = 3/4, 1/2, 1/4, 0. S reaches exactly one half at 2, which
    /// is the median. V = 1/12, 1/12 + 1/6 = 1/4, + 1/2 = 3/4; at 4 n = d, a term of 0, and
    /// S = 0 makes both band limits 0. Lower band ≤ 0.5 first at 1 (0.128), upper at 4 (0).
    @Test func aCurveThatFallsToExactlyOneHalfAndToZero() throws {
        let estimate = try KaplanMeier.estimate([(1, true), (2, true), (3, true), (4, true)])
        #expect(estimate.survival == [0.75, 0.5, 0.25, 0])
        expectClose(estimate.lowerBand, [0.12794691759514576, 0.057847082995144551, 0.0089478244166031565, 0])
        expectClose(estimate.upperBand, [0.96054864228507841, 0.84486128119037396, 0.66532534278886546, 0])
        #expect(estimate.median == 2)
        #expect(estimate.medianInterval == MedianInterval(lower: 1, upper: 4))
    }

    /// Ten subjects, two events at each of 1…5: S = 0.8, 0.6, 0.4, 0.2, 0; V = 2/90, + 2/48,
    /// + 2/24, + 2/8 = 0.025, 0.066667, 0.15, 0.4. Median 3 (0.4 ≤ 0.5; 0.6 is not); the upper
    /// band first falls to 0.5 or below at 4 (0.4747).
    @Test func tiedEventsThroughout() throws {
        let estimate = try KaplanMeier.estimate((1...5).flatMap { t in [(Double(t), true), (Double(t), true)] })
        expectClose(estimate.survival, [0.8, 0.6, 0.4, 0.2, 0])
        #expect(estimate.atRisk == [10, 8, 6, 4, 2])
        #expect(estimate.events == [2, 2, 2, 2, 2])
        expectClose(estimate.upperBand, [0.94587264583891173, 0.82722096702851178, 0.67020463742347991,
                                         0.47471469044054659, 0])
        #expect(estimate.median == 3)
        #expect(estimate.medianInterval == MedianInterval(lower: 1, upper: 4))
    }

    @Test func allCensoredHasNoEventTimesAndNoMedian() throws {
        let estimate = try KaplanMeier.estimate([(2, false), (4, false), (4, false)])
        #expect(estimate.subjects == 3)
        #expect(estimate.times.isEmpty)
        #expect(estimate.survival.isEmpty)
        #expect(estimate.median == nil)
        #expect(estimate.medianInterval == MedianInterval(lower: nil, upper: nil))
    }

    @Test func noObservations() throws {
        let estimate = try KaplanMeier.estimate([SurvivalObservation]())
        #expect(estimate.subjects == 0)
        #expect(estimate.times.isEmpty)
        #expect(estimate.median == nil)
    }

    @Test func aCurveThatStaysAboveOneHalfHasNoMedian() throws {
        // 1 event of 4 at t = 5: S = 0.75.
        let estimate = try KaplanMeier.estimate([(5, true), (6, false), (7, false), (8, false)])
        #expect(estimate.survival == [0.75])
        #expect(estimate.median == nil)
        #expect(estimate.medianInterval.upper == nil)
    }

    @Test func anEventAtTimeZeroCounts() throws {
        // 1 of 2 at 0: S = 1/2, so the median is 0.
        let estimate = try KaplanMeier.estimate([SurvivalObservation(time: 0, event: true),
                                                 SurvivalObservation(time: 5, event: false)])
        #expect(estimate.times == [0])
        #expect(estimate.median == 0)
    }

    @Test(arguments: [-1.0, .nan, .infinity])
    func aTimeThatIsNotAFiniteNonNegativeNumberIsRefused(time: Double) {
        #expect(throws: Problem.self) { try KaplanMeier.estimate([(time, true)]) }
        do {
            _ = try KaplanMeier.estimate([(1, true), (time, false)])
            Issue.record("expected a problem")
        } catch {
            #expect(error.code == .valueOutOfRange)
            #expect(error.field == "time")
        }
    }

    @Test(arguments: [0.0, -1.96, .nan])
    func aBadZIsRefused(z: Double) {
        do {
            _ = try KaplanMeier.estimate([(1, true)], z: z)
            Issue.record("expected a problem")
        } catch {
            #expect(error.code == .invalidValue)
        }
    }

    @Test func encodesAsJSON() throws {
        let estimate = try KaplanMeier.estimate([(1, true), (2, false)])
        let data = try JSONEncoder().encode(estimate)
        #expect(try JSONDecoder().decode(KaplanMeierEstimate.self, from: data) == estimate)
    }
}

@Test func theNumberAtRiskCountsWhoeverLastsThatLong() throws {
    // Censored at 30, a wear-off at 62, censored at 89.
    let observations = [SurvivalObservation(time: 30, event: false), SurvivalObservation(time: 62, event: true),
                        SurvivalObservation(time: 89, event: false)]
    let expected: [(Double, Int)] = [(0, 3), (30, 3), (31, 2), (62, 2), (63, 1), (89, 1), (90, 0)]
    for (time, count) in expected {
        #expect(KaplanMeier.numberAtRisk(observations, at: time) == count, "at \(time)")
    }
    // The estimate's own risk set at its one event time says the same.
    let estimate = try KaplanMeier.estimate(observations)
    #expect(estimate.times == [62] && estimate.atRisk == [KaplanMeier.numberAtRisk(observations, at: 62)])
}
