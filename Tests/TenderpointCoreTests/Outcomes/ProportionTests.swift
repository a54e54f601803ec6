import Foundation
import Testing
@testable import TenderpointCore

/// z = 1.959963984540054, z² = 3.8414588206941254. Wilson: centre (2k + z²) ÷ 2(n + z²),
/// half-width z √(4k(n − k)/n + z²) ÷ 2(n + z²).
@Suite struct ProportionTests {
    @Test(arguments: [
        // 8 of 10: centre 19.84146 ÷ 27.68292 = 0.7167390; half 1.959964 × √10.24146 ÷ 27.68292
        //          = 1.959964 × 3.200228 ÷ 27.68292 = 0.2265765.
        (8, 10, 0.49016247153664178, 0.94331784854562484),
        // 0 of 10: lower exactly 0; upper = 2z² ÷ 2(n + z²) = 3.841459 ÷ 13.841459 = 0.2775328.
        (0, 10, 0.0, 0.27753279986288926),
        // 10 of 10: upper exactly 1; lower = n ÷ (n + z²) = 10 ÷ 13.841459 = 0.7224672.
        (10, 10, 0.72246720013711085, 1.0),
        // 1 of 1: lower = 1 ÷ (1 + z²) = 0.2065493.
        (1, 1, 0.20654931437723745, 1.0),
        // 3 of 7: centre 9.841459 ÷ 21.682918 = 0.4538808; half 1.959964 × √(48/7 + z²) ÷ 21.682918
        //         = 1.959964 × 3.269935 ÷ 21.682918 = 0.2956608.
        (3, 7, 0.1582198552514697, 0.74954163547234276),
    ])
    func wilsonInterval(successes: Int, n: Int, lower: Double, upper: Double) throws {
        let interval = try #require(Proportion.wilsonInterval(successes: successes, n: n))
        #expect(abs(interval.lower - lower) < 1e-12)
        #expect(abs(interval.upper - upper) < 1e-12)
        let proportion = try #require(Proportion(successes: successes, n: n))
        #expect(proportion.rate == Double(successes) / Double(n))
        #expect(proportion.interval == interval)
    }

    @Test func exactEndsAtZeroAndAll() throws {
        #expect(Proportion.wilsonInterval(successes: 0, n: 25)?.lower == 0)
        #expect(Proportion.wilsonInterval(successes: 25, n: 25)?.upper == 1)
    }

    @Test(arguments: [(0, 0), (1, 0), (-1, 10), (11, 10), (0, -3)])
    func noIntervalWithoutAProportion(successes: Int, n: Int) {
        #expect(Proportion.wilsonInterval(successes: successes, n: n) == nil)
        #expect(Proportion(successes: successes, n: n) == nil)
    }

    @Test func aNarrowerLevel() throws {
        // z = 1 for 5 of 10: centre (10 + 1) ÷ 22 = 0.5; half √(10 + 1) ÷ 22 = 3.316625 ÷ 22 = 0.1507557.
        let interval = try #require(Proportion.wilsonInterval(successes: 5, n: 10, z: 1))
        #expect(abs(interval.lower - (0.5 - 11.0.squareRoot() / 22)) < 1e-15)
        #expect(abs(interval.upper - (0.5 + 11.0.squareRoot() / 22)) < 1e-15)
        #expect(Proportion.wilsonInterval(successes: 5, n: 10, z: 0) == nil)
        #expect(Proportion.wilsonInterval(successes: 5, n: 10, z: .nan) == nil)
    }

    @Test func theDefaultIsNinetyFivePerCent() {
        #expect(Proportion.z95 == 1.959963984540054)
    }
}
