/// The smoothed pain on one day after a session (`PainSmoothing`).
public struct SmoothedPain: Hashable, Codable, Sendable {
    /// Days after the session (the session's date is day 0).
    public let day: Int
    public let date: CalendarDate
    public let nrs: Double
    /// Days with data in this day's window (3–7): the points the value rests on.
    public let supportingDays: Int

    public init(day: Int, date: CalendarDate, nrs: Double, supportingDays: Int) {
        self.day = day
        self.date = date
        self.nrs = nrs
        self.supportingDays = supportingDays
    }
}
