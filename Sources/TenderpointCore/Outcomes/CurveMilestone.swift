/// A day on a response curve (onset, peak or wear-off) and what supports it.
public struct CurveMilestone: Hashable, Codable, Sendable {
    /// Days after the session.
    public let day: Int
    public let date: CalendarDate
    /// The smoothed pain on that day.
    public let smoothedNRS: Double
    /// Reduction from the baseline in per cent (IMMPACT formula); nil without a baseline above 0.
    public let reductionPercent: Double?
    /// Days with data in that day's smoothing window.
    public let supportingDays: Int
    /// Days just before `day`, inside the search, with no smoothed value: the milestone may have
    /// been reached up to this many days earlier (0 when the day before was observed).
    public let unobservedDaysBefore: Int

    public init(day: Int, date: CalendarDate, smoothedNRS: Double, reductionPercent: Double?,
                supportingDays: Int, unobservedDaysBefore: Int) {
        self.day = day
        self.date = date
        self.smoothedNRS = smoothedNRS
        self.reductionPercent = reductionPercent
        self.supportingDays = supportingDays
        self.unobservedDaysBefore = unobservedDaysBefore
    }
}
