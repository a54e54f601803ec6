import Foundation
import Testing
@testable import TenderpointCore

private func score(function: [Int?], overallImpact: [Int?], symptoms: [Int?]) throws -> FIQRScore {
    try FIQRAnswers(answers: function + overallImpact + symptoms).score()
}

/// Every score and the band are absent, and the reason names the missing items.
private func expectInvalid(_ score: FIQRScore, mentioning text: String) {
    #expect(score.valid == false)
    #expect([score.function, score.overallImpact, score.symptoms, score.total] == [nil, nil, nil, nil])
    #expect(score.severityBand == nil)
    #expect(score.invalidReason?.contains(text) == true)
}

@Suite struct FIQRTests {
    @Test func allAnswered() throws {
        // function 1+2+…+9 = 45, ÷ 3 = 15; overall 4 + 7 = 11;
        // symptoms 7+6+5+8+3+2+4+6+5+1 = 47, ÷ 2 = 23.5; total 15 + 11 + 23.5 = 49.5.
        let result = try score(function: [1, 2, 3, 4, 5, 6, 7, 8, 9], overallImpact: [4, 7],
                               symptoms: [7, 6, 5, 8, 3, 2, 4, 6, 5, 1])
        #expect(result == FIQRScore(valid: true, function: 15, overallImpact: 11, symptoms: 23.5, total: 49.5,
                                    invalidReason: nil, severityBand: .moderate))
    }

    @Test func fullPrecisionIsKept() throws {
        // function 1 × 9 + 1 = 10, ÷ 3 = 3.333…; overall 0; symptoms 1 ÷ 2 = 0.5.
        let result = try score(function: [2, 1, 1, 1, 1, 1, 1, 1, 1], overallImpact: [0, 0],
                               symptoms: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(result.function == 10.0 / 3.0)
        #expect(result.symptoms == 0.5)
        #expect(result.total == 10.0 / 3.0 + 0.5)
    }

    @Test func oneFunctionItemMissingIsScaled() throws {
        // items 1–8 = 5, item 9 missing: 40 × 9/8 = 45, ÷ 3 = 15; symptoms 2 × 10 = 20, ÷ 2 = 10; total 25.
        let result = try score(function: [5, 5, 5, 5, 5, 5, 5, 5, nil], overallImpact: [0, 0],
                               symptoms: Array(repeating: 2, count: 10))
        #expect(result == FIQRScore(valid: true, function: 15, overallImpact: 0, symptoms: 10, total: 25,
                                    invalidReason: nil, severityBand: .mild))
    }

    @Test func theMissingFunctionItemMayBeAnyOfTheNine() throws {
        // item 1 missing, items 2–9 = 3: 24 × 9/8 = 27, ÷ 3 = 9.
        let result = try score(function: [nil, 3, 3, 3, 3, 3, 3, 3, 3], overallImpact: [1, 1],
                               symptoms: Array(repeating: 0, count: 10))
        #expect(result.function == 9)
        #expect(result.total == 11)
    }

    @Test func twoFunctionItemsMissingIsInvalid() throws {
        let result = try score(function: [5, nil, 5, 5, 5, 5, 5, 5, nil], overallImpact: [5, 5],
                               symptoms: Array(repeating: 5, count: 10))
        expectInvalid(result, mentioning: "items 2, 9")
    }

    @Test func oneSymptomItemMissingIsInvalid() throws {
        var symptoms: [Int?] = Array(repeating: 5, count: 10)
        symptoms[3] = nil  // item 15
        let result = try score(function: Array(repeating: 5, count: 9), overallImpact: [5, 5], symptoms: symptoms)
        expectInvalid(result, mentioning: "item 15")
    }

    @Test func anOverallImpactItemMissingIsInvalid() throws {
        let result = try score(function: Array(repeating: 5, count: 9), overallImpact: [5, nil],
                               symptoms: Array(repeating: 5, count: 10))
        expectInvalid(result, mentioning: "item 11")
    }

    @Test func allZeros() throws {
        let result = try FIQRAnswers(answers: Array(repeating: 0, count: 21)).score()
        #expect(result == FIQRScore(valid: true, function: 0, overallImpact: 0, symptoms: 0, total: 0,
                                    invalidReason: nil, severityBand: .remission))
    }

    @Test func allTens() throws {
        // 90 ÷ 3 = 30; 20; 100 ÷ 2 = 50; total 100.
        let result = try FIQRAnswers(answers: Array(repeating: 10, count: 21)).score()
        #expect(result == FIQRScore(valid: true, function: 30, overallImpact: 20, symptoms: 50, total: 100,
                                    invalidReason: nil, severityBand: .verySevere))
    }

    @Test func scoredTotalsOnEitherSideOfACutPoint() throws {
        // overall 2 + 2 = 4; symptoms 39 ÷ 2 = 19.5 → 23.5, remission; 40 ÷ 2 = 20 → 24, mild.
        let below = try score(function: Array(repeating: 0, count: 9), overallImpact: [2, 2],
                              symptoms: [3, 4, 4, 4, 4, 4, 4, 4, 4, 4])
        let at = try score(function: Array(repeating: 0, count: 9), overallImpact: [2, 2],
                           symptoms: Array(repeating: 4, count: 10))
        #expect(below.total == 23.5)
        #expect(below.severityBand == .remission)
        #expect(at.total == 24)
        #expect(at.severityBand == .mild)
    }

    @Test func clinicBandsAreUsed() throws {
        let bands = try FIQRSeverityBands(mild: 10, moderate: 20, severe: 30, verySevere: 40)
        // function 0, overall 0, symptoms 50 ÷ 2 = 25 → moderate under these bands, mild under the standard ones.
        let answers = try FIQRAnswers(answers: Array(repeating: 0, count: 11) + Array(repeating: 5, count: 10))
        #expect(answers.score(bands: bands).severityBand == .moderate)
        #expect(answers.score().severityBand == .mild)
    }

    @Test func invalidScoreEncodesNulls() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let score = FIQRScore(valid: false, function: nil, overallImpact: nil, symptoms: nil, total: nil,
                              invalidReason: "r", severityBand: nil)
        let json = String(decoding: try encoder.encode(score), as: UTF8.self)
        #expect(json == #"{"function":null,"invalidReason":"r","overallImpact":null,"severityBand":null,"symptoms":null,"total":null,"valid":false}"#)
    }

    @Test func validScoreEncodesItsNumbers() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let score = FIQRScore(valid: true, function: 15, overallImpact: 11, symptoms: 23.5, total: 49.5,
                              invalidReason: nil, severityBand: .moderate)
        let json = String(decoding: try encoder.encode(score), as: UTF8.self)
        #expect(json == #"{"function":15,"invalidReason":null,"overallImpact":11,"severityBand":"moderate","symptoms":23.5,"total":49.5,"valid":true}"#)
        #expect(try JSONDecoder().decode(FIQRScore.self, from: Data(json.utf8)) == score)
    }

    @Test func percentChange() {
        // (43 − 50) × 100 ÷ 50 = −14; (60 − 40) × 100 ÷ 40 = 50.
        #expect(FIQR.percentChange(from: 50, to: 43) == -14)
        #expect(FIQR.percentChange(from: 40, to: 60) == 50)
        #expect(FIQR.percentChange(from: 0, to: 10) == nil)
    }

    @Test(arguments: [
        (50.0, 43.0, true),     // 7 ÷ 50 = 14 % exactly
        (50.0, 43.5, false),    // 6.5 ÷ 50 = 13 %
        (60.0, 51.6, true),     // 8.4 ÷ 60 = 14 % as entered (in binary 60 − 51.6 is just under 8.4)
        (40.0, 60.0, false),    // worse
    ])
    func minimalClinicallyImportantImprovement(baseline: Double, value: Double, met: Bool) {
        #expect(FIQR.meetsFIQDerivedMCID(baseline: baseline, value: value) == met)
    }

    @Test func mcidNeedsABaseline() {
        #expect(FIQR.meetsFIQDerivedMCID(baseline: 0, value: 0) == nil)
        #expect(FIQR.minimalClinicallyImportantDifferenceLabel == "FIQ-derived")
        #expect(FIQR.minimalClinicallyImportantImprovementPercent == 14)
    }
}
