/// The 21 FIQR answers in item order; nil is an unanswered item.
public struct FIQRAnswers: Hashable, Sendable {
    public let answers: [Int?]

    /// Requires exactly 21 entries (field `answers`), each nil or 0–10 (field `answers[i]`, the
    /// 0-based position as in the JSON array); reports all problems at once.
    public init(answers: [Int?]) throws(Problems) {
        var problems: [Problem] = []
        if answers.count != FIQRItem.allCases.count {
            problems.append(Problem(.invalidValue, "The FIQR has \(FIQRItem.allCases.count) items; got \(answers.count) answers.",
                                    field: "answers"))
        }
        for (index, answer) in answers.enumerated() {
            if let answer, !(0...10).contains(answer) {
                problems.append(Problem(.valueOutOfRange, "FIQR item \(index + 1) must be 0–10, not \(answer).",
                                        field: "answers[\(index)]"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        self.answers = answers
    }

    /// The answer to an item, nil when unanswered.
    public subscript(item: FIQRItem) -> Int? { answers[item.number - 1] }

    /// Scored with the given severity bands.
    public func score(bands: FIQRSeverityBands = .standard) -> FIQRScore { FIQR.score(self, bands: bands) }
}
