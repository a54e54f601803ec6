/// One bank holiday of a year: the day it celebrates and the weekday taken off for it. The two
/// differ only for a holiday on a Saturday or Sunday, whose substitute day is the next weekday
/// that is not already a holiday (Christmas Day on a Saturday: Monday 27 December).
public struct BankHoliday: Hashable, Sendable, Codable {
    /// "Christmas Day", "Early May bank holiday".
    public let name: String
    /// The day itself (25 December), which may fall at a weekend.
    public let date: CalendarDate
    /// The bank holiday as published: a weekday, `date` unless that is a Saturday or Sunday.
    public let observed: CalendarDate

    public init(name: String, date: CalendarDate, observed: CalendarDate) {
        self.name = name
        self.date = date
        self.observed = observed
    }

    /// True when the holiday is taken on a substitute day.
    public var isSubstitute: Bool { observed != date }
}
