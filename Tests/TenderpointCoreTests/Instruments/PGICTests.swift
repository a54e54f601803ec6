import Testing
@testable import TenderpointCore

@Suite struct PGICTests {
    @Test func sevenPointsInOrder() {
        #expect(PGIC.allCases.map(\.rawValue) == Array(1...7))
        #expect(PGIC.allCases.map(\.label) == [
            "Very much improved", "Much improved", "Minimally improved", "No change",
            "Minimally worse", "Much worse", "Very much worse",
        ])
    }

    @Test func onlyOneAndTwoAreMuchImproved() {
        #expect(PGIC.allCases.filter(\.isMuchImproved) == [.veryMuchImproved, .muchImproved])
    }

    @Test(arguments: [(1, PGIC.veryMuchImproved), (4, .noChange), (7, .veryMuchWorse)])
    func fromScore(score: Int, expected: PGIC) throws {
        #expect(try PGIC(score: score) == expected)
    }

    @Test(arguments: [0, 8, -1])
    func rejectsOutOfRange(score: Int) {
        let error = #expect(throws: Problems.self) { try PGIC(score: score, field: "week3PGIC") }
        #expect(error?.all.map(\.code) == [.valueOutOfRange])
        #expect(error?.all.map(\.field) == ["week3PGIC"])
    }
}
