import Testing
@testable import TenderpointCore

@Suite struct FibromyalgiaSeverityBandTests {
    @Test(arguments: [
        (0, FibromyalgiaSeverityBand.none), (3, .none), (4, .mild), (7, .mild), (8, .moderate), (11, .moderate),
        (12, .severe), (19, .severe), (20, .verySevere), (31, .verySevere),
    ])
    func bandEdges(score: Int, band: FibromyalgiaSeverityBand) {
        #expect(FibromyalgiaSeverityBand(fibromyalgiaSeverity: score) == band)
    }

    @Test func identifiers() {
        #expect(FibromyalgiaSeverityBand.allCases.map(\.rawValue) == ["none", "mild", "moderate", "severe", "verySevere"])
    }
}
