import Testing
@testable import TenderpointCore

@Suite struct ChartViewTests {
    @Test func identifiers() {
        #expect(ChartView.allCases.map(\.rawValue) == ["front", "back"])
    }
}
