/// The days after a session in which a follow-up review's scores are looked for, and the day the
/// review is planned for (DOMAIN.md §3: week-3 peak review on day 21, week-12 reassessment on
/// day 84). The windows are wide because a review moves to the next open day, and reception
/// rebooks missed ones: a review up to two weeks late still reads the same stage of the cycle.
public struct ReviewWindow: Hashable, Codable, Sendable {
    public let targetDay: Int
    public let days: ClosedRange<Int>

    public init(targetDay: Int, days: ClosedRange<Int>) {
        self.targetDay = targetDay
        self.days = days
    }

    /// Days 14 … 35 (weeks 2–5), planned for day 21: near the expected peak, and before the
    /// plateau ends (about week 5–8), so a late review still reads the peak's stage.
    public static let week3 = ReviewWindow(targetDay: 21, days: 14...35)
    /// Days 70 … 112 (weeks 10–16), planned for day 84; cut at the next session.
    public static let week12 = ReviewWindow(targetDay: 84, days: 70...112)
}
