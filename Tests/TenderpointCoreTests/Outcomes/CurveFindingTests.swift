import Foundation
import Testing
@testable import TenderpointCore

@Suite struct CurveFindingTests {
    private static let milestone = CurveMilestone(day: 9, date: CalendarDate(iso: "2026-03-11")!, smoothedNRS: 6.75,
                                                  reductionPercent: 15.625, supportingDays: 7, unobservedDaysBefore: 0)

    @Test(arguments: [
        (CurveFinding.notObserved(lastObservedDay: 70), #"{"lastObservedDay":70,"status":"notObserved"}"#),
        (.notEnoughData(window: .baseline, daysWithData: 2), #"{"daysWithData":2,"status":"notEnoughData","window":"baseline"}"#),
        (.notEnoughData(window: .afterSession, daysWithData: 0),
         #"{"daysWithData":0,"status":"notEnoughData","window":"afterSession"}"#),
        (.notApplicable, #"{"status":"notApplicable"}"#),
        (.found(milestone), #"{"milestone":{"date":"2026-03-11","day":9,"reductionPercent":15.625,"#
            + #""smoothedNRS":6.75,"supportingDays":7,"unobservedDaysBefore":0},"status":"found"}"#),
    ])
    func flatJSON(finding: CurveFinding, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(finding), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(CurveFinding.self, from: Data(json.utf8)) == finding)
    }

    @Test func milestoneOnlyWhenFound() {
        #expect(CurveFinding.found(Self.milestone).milestone == Self.milestone)
        #expect(CurveFinding.notApplicable.milestone == nil)
    }

    @Test func anUnknownStatusIsRefused() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CurveFinding.self, from: Data(#"{"status":"antibodies"}"#.utf8))
        }
    }
}
