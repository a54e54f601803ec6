import Testing
@testable import TenderpointCore

@Suite struct FIQRAnswersTests {
    @Test func acceptsTwentyOneAnswersIncludingGapsAndBounds() throws {
        var values: [Int?] = Array(repeating: 0, count: 21)
        values[0] = nil
        values[20] = 10
        let answers = try FIQRAnswers(answers: values)
        #expect(answers[.hairCare] == nil)
        #expect(answers[.sensitivity] == 10)
        #expect(answers[.pain] == 0)
    }

    @Test(arguments: [0, 20, 22])
    func wrongNumberOfAnswers(count: Int) {
        let error = #expect(throws: Problems.self) {
            try FIQRAnswers(answers: Array(repeating: 5, count: count))
        }
        #expect(error?.all.map(\.code) == [.invalidValue])
        #expect(error?.all.map(\.field) == ["answers"])
    }

    @Test func outOfRangeAnswersNameTheirZeroBasedPosition() {
        var values: [Int?] = Array(repeating: 5, count: 21)
        values[4] = 11
        values[20] = -1
        let error = #expect(throws: Problems.self) {
            try FIQRAnswers(answers: values)
        }
        #expect(error?.all.map(\.code) == [.valueOutOfRange, .valueOutOfRange])
        #expect(error?.all.map(\.field) == ["answers[4]", "answers[20]"])
    }

    @Test func countAndRangeProblemsTogether() {
        let error = #expect(throws: Problems.self) {
            try FIQRAnswers(answers: [1, 2, 30])
        }
        #expect(error?.all.map(\.field) == ["answers", "answers[2]"])
    }
}
