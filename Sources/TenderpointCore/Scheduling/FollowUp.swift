/// One planned follow-up: the day the protocol names, and the day it actually takes place.
public struct FollowUp: Hashable, Sendable, Codable {
    public let kind: FollowUpKind
    /// The session date plus `kind.nominalDay`.
    public let nominalDate: CalendarDate
    /// `nominalDate`, or the next open day when the clinic is closed then. Never earlier, so
    /// the reassessment never falls before the 84-day minimum interval.
    public let date: CalendarDate

    public init(kind: FollowUpKind, nominalDate: CalendarDate, date: CalendarDate) {
        self.kind = kind
        self.nominalDate = nominalDate
        self.date = date
    }

    public var isMoved: Bool { date != nominalDate }
}
