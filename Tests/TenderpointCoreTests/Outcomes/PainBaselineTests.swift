import Foundation
import Testing
@testable import TenderpointCore

@Suite struct PainBaselineTests {
    @Test func theFourteenDaysBeforeTheSessionWhenThreeHaveData() {
        // Days −14, −7, −1 = 7, 8, 6 → (7 + 8 + 6) ÷ 3 = 7. Day −15 and day 0 are outside.
        let baseline = PainBaseline.from(dailyNRS: [-15: 0, -14: 7, -7: 8, -1: 6, 0: 0], preInjectionAssessmentNRS: 2)
        #expect(baseline == .fourteenDayMean(nrs: 7, daysWithData: 3))
        #expect(baseline.nrs == 7)
        #expect(baseline.daysWithData == 3)
    }

    @Test func twoDaysFallBackToThePreInjectionAssessment() {
        let baseline = PainBaseline.from(dailyNRS: [-2: 9, -1: 9], preInjectionAssessmentNRS: 6)
        #expect(baseline == .preInjectionAssessment(nrs: 6, daysWithData: 2))
        #expect(baseline.nrs == 6)
    }

    @Test(arguments: [nil, Double.nan, 10.5, -1])
    func noDiaryAndNoUsableAssessmentIsNotEnoughData(assessment: Double?) {
        let baseline = PainBaseline.from(dailyNRS: [-3: 5], preInjectionAssessmentNRS: assessment)
        #expect(baseline == .notEnoughData(daysWithData: 1))
        #expect(baseline.nrs == nil)
    }

    @Test func constants() {
        #expect(PainBaseline.windowDays == 14)
        #expect(PainBaseline.minimumDaysWithData == 3)
    }

    @Test(arguments: [
        (PainBaseline.fourteenDayMean(nrs: 7.5, daysWithData: 12), #"{"daysWithData":12,"method":"fourteenDayMean","nrs":7.5}"#),
        (.preInjectionAssessment(nrs: 6, daysWithData: 2), #"{"daysWithData":2,"method":"preInjectionAssessment","nrs":6}"#),
        (.notEnoughData(daysWithData: 1), #"{"daysWithData":1,"method":"notEnoughData"}"#),
    ])
    func flatJSON(baseline: PainBaseline, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(baseline), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(PainBaseline.self, from: Data(json.utf8)) == baseline)
    }
}
