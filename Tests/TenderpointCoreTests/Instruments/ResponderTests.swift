import Foundation
import Testing
@testable import TenderpointCore

@Suite struct ResponderTests {
    @Test(arguments: [
        // baseline, value, reduction %, ≥ 30 %, ≥ 50 %
        (10.0, 7.0, 30.0, true, false),   // 3 ÷ 10 = 30 %, exactly a responder
        (10.0, 8.0, 20.0, false, false),  // 2 ÷ 10
        (10.0, 5.0, 50.0, true, true),    // 5 ÷ 10 = 50 %, exactly substantial
        (10.0, 0.0, 100.0, true, true),
        (3.0, 2.1, 30.0, true, false),    // 0.9 ÷ 3 = 30 % as entered; in binary 3 − 2.1 < 0.9
        (8.0, 4.0, 50.0, true, true),
        (5.0, 6.0, -20.0, false, false),  // worse: −1 ÷ 5
    ])
    func classification(baseline: Double, value: Double, reduction: Double, atLeast30: Bool, atLeast50: Bool) throws {
        let result = try #require(ResponderClassification.classify(baseline: baseline, value: value))
        #expect(result == ResponderClassification(reductionPercent: reduction, atLeast30: atLeast30, atLeast50: atLeast50))
    }

    @Test func justShortOfThirtyPercent() throws {
        // 2 ÷ 7 = 28.571428…%
        let result = try #require(ResponderClassification.classify(baseline: 7, value: 5))
        #expect(abs(result.reductionPercent - 28.571_428_571_428_57) < 1e-12)
        #expect(!result.atLeast30)
        #expect(!result.atLeast50)
    }

    @Test(arguments: [0.0, -1.0, .nan, .infinity])
    func noStatusWithoutAPositiveBaseline(baseline: Double) {
        #expect(ResponderClassification.classify(baseline: baseline, value: 0) == nil)
    }

    @Test func encodesWithCamelCaseKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(ResponderClassification(reductionPercent: 30, atLeast30: true, atLeast50: false)),
                          as: UTF8.self)
        #expect(json == #"{"atLeast30":true,"atLeast50":false,"reductionPercent":30}"#)
    }
}
