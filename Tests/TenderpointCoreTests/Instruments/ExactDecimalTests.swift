import Foundation
import Testing
@testable import TenderpointCore

/// `ExactDecimal.of` reads a double's shortest text itself; Foundation's scanner on the same text
/// is the reference it must match, digit for digit.
@Suite struct ExactDecimalTests {
    private static func reference(_ value: Double) -> Decimal? {
        Decimal(string: value.description, locale: Locale(identifier: "en_US_POSIX"))
    }

    @Test(arguments: [0.0, -0.0, 1, 2.1, 3, 7, 10, 0.1, 0.3, 6.4, 5.857142857142857, 7.2, 100 / 3.0, -2.5, 1e-05,
                      1.5e-7, 123456789.125, 1.7976931348623157e308, 5e-324, 1.5e20, 0.30000000000000004])
    func readsAsFoundationReadsTheSameText(_ value: Double) {
        // Outside Decimal's range (the largest double, the smallest subnormal) both say nil.
        #expect(ExactDecimal.of(value) == Self.reference(value))
    }

    @Test func agreesOnTenThousandRandomPainValuesAndRatios() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = Double.random(in: 0...10, using: &generator) / Double(Int.random(in: 1...14, using: &generator))
            #expect(ExactDecimal.of(value) == Self.reference(value))
        }
    }

    @Test func theBoundaryAsEnteredStaysExact() throws {
        // 3 → 2.1 is exactly 30 %: (3 − 2.1) × 100 = 30 × 3.
        let start = try #require(ExactDecimal.of(3)), end = try #require(ExactDecimal.of(2.1))
        #expect((start - end) * 100 == 30 * start)
        #expect(ExactDecimal.of(.nan) == nil && ExactDecimal.of(.infinity) == nil)
    }
}
