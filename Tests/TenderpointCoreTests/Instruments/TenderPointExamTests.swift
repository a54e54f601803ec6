import Foundation
import Testing
@testable import TenderpointCore

/// An exam with the first `positive` sites (in examination order) positive and the rest negative.
private func exam(positive: Int, months: Int?) throws -> TenderPointExam {
    var findings: [TenderPointSite: TenderPointFinding] = [:]
    for (index, site) in TenderPointSite.all.enumerated() {
        findings[site] = TenderPointFinding(positive: index < positive)
    }
    return try TenderPointExam(findings: findings, widespreadPainMonths: months)
}

@Suite struct TenderPointExamTests {
    @Test(arguments: [(10, false), (11, true), (18, true), (0, false)])
    func tenderPointCountThreshold(positive: Int, met: Bool) throws {
        let result = try exam(positive: positive, months: 3).result
        #expect(result.count == positive)
        #expect(result.criteriaMet == met)
        #expect((result.reason == nil) == met)
    }

    @Test func tooFewPointsSaysSo() throws {
        let reason = try #require(try exam(positive: 10, months: 6).result.reason)
        #expect(reason.contains("10 of 18"))
        #expect(!reason.contains("months"))
    }

    @Test(arguments: [(2, false), (3, true), (0, false), (120, true)])
    func widespreadPainDurationThreshold(months: Int, met: Bool) throws {
        let result = try exam(positive: 11, months: months).result
        #expect(result.criteriaMet == met)
        #expect(result.reason?.contains("\(months) months") ?? true)
    }

    @Test func unknownDurationIsNotMet() throws {
        let result = try exam(positive: 18, months: nil).result
        #expect(result.criteriaMet == false)
        #expect(result.reason?.contains("unknown") == true)
    }

    @Test func bothFailuresAreReported() throws {
        let reason = try #require(try exam(positive: 4, months: 1).result.reason)
        #expect(reason.contains("4 of 18"))
        #expect(reason.contains("widespread pain for 1 month;"))
    }

    @Test func painRatingDoesNotMakeAPointPositive() throws {
        // "Tender" with a rating is still negative: only `positive` counts.
        let exam = try TenderPointExam(
            findings: [
                TenderPointSite(.occiput, .left): TenderPointFinding(positive: false, pain: 9),
                TenderPointSite(.knee, .right): TenderPointFinding(positive: true, pain: 0),
            ],
            widespreadPainMonths: 12)
        #expect(exam.count == 1)
    }

    @Test(arguments: [0, 10])
    func painRatingBoundsAccepted(pain: Int) throws {
        let exam = try TenderPointExam(findings: [TenderPointSite(.gluteal, .right): TenderPointFinding(positive: true, pain: pain)],
                                       widespreadPainMonths: 0)
        #expect(exam.count == 1)
    }

    /// 1200 months (100 years) is the longest duration accepted; 1201 and Int.max are refused.
    @Test(arguments: [(0, true), (1200, true), (1201, false), (-1, false), (Int.max, false), (Int.min, false)])
    func widespreadPainMonthsBounds(months: Int, accepted: Bool) {
        let exam = try? TenderPointExam(findings: [:], widespreadPainMonths: months)
        #expect((exam != nil) == accepted)
    }

    @Test func outOfRangeValuesAreAllReported() {
        #expect(throws: Problems([
            Problem(.valueOutOfRange, "Pain rating at Occiput, left must be 0–10, not 11.", field: "findings.occiput.left.pain"),
            Problem(.valueOutOfRange, "Pain rating at Knee, right must be 0–10, not -1.", field: "findings.knee.right.pain"),
            Problem(.valueOutOfRange, "Widespread pain duration must be 0–1200 months, not -1.", field: "widespreadPainMonths"),
        ])) {
            try TenderPointExam(
                findings: [
                    TenderPointSite(.knee, .right): TenderPointFinding(positive: true, pain: -1),
                    TenderPointSite(.occiput, .left): TenderPointFinding(positive: true, pain: 11),
                ],
                widespreadPainMonths: -1)
        }
    }

    @Test func scoreFromIdentifiers() throws {
        let ids = ["occiput.left", "occiput.right", "lowCervical.left", "lowCervical.right", "trapezius.left",
                   "trapezius.right", "supraspinatus.left", "supraspinatus.right", "secondRib.left", "secondRib.right",
                   "knee.left"]
        let result = try TenderPointExam.score(positive: ids, widespreadPainMonths: 3)
        #expect(result == ACR1990Result(count: 11, criteriaMet: true, reason: nil))
        #expect(try TenderPointExam.score(positive: [], widespreadPainMonths: 3).count == 0)
    }

    @Test func scoreReportsEveryProblemWithItsField() throws {
        let error = #expect(throws: Problems.self) {
            try TenderPointExam.score(positive: ["knee.left", "elbow.left", "knee.left", "Knee.right"], widespreadPainMonths: -2)
        }
        let problems = try #require(error).all
        #expect(problems.map(\.code) == [.unknownIdentifier, .duplicateIdentifier, .unknownIdentifier, .valueOutOfRange])
        #expect(problems.map(\.field) == ["positive[1]", "positive[2]", "positive[3]", "widespreadPainMonths"])
    }

    @Test func resultEncodesAbsentReasonAsNull() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(ACR1990Result(count: 11, criteriaMet: true, reason: nil)), as: UTF8.self)
        #expect(json == #"{"count":11,"criteriaMet":true,"reason":null}"#)
    }
}
