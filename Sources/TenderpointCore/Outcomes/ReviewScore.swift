/// A score read for one stage of a cycle (before the injection, the week-3 review, the week-12
/// reassessment), with where it came from.
public struct ReviewScore: Hashable, Codable, Sendable {
    public enum Source: String, Codable, Sendable, Hashable {
        /// Recorded at a clinic assessment.
        case assessment
        /// Read from the smoothed response curve (diary and assessments) on the planned day,
        /// because no assessment in the window recorded it.
        case curve
    }

    public let value: Double
    /// Days after the session (negative before it).
    public let day: Int
    public let date: CalendarDate
    public let source: Source

    public init(value: Double, day: Int, date: CalendarDate, source: Source) {
        self.value = value
        self.day = day
        self.date = date
        self.source = source
    }
}
