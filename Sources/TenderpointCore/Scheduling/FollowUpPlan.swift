/// The follow-ups after a session: onset check on day 8 (phone), peak review on day 21,
/// reassessment on day 84, each moved to the next open day when it falls on a closed one.
///
/// Encodable only: a plan is always derived from a session date and the clinic's calendar,
/// never read back.
public struct FollowUpPlan: Hashable, Sendable, Encodable {
    public let sessionDate: CalendarDate
    /// One per `FollowUpKind`, in `FollowUpKind.allCases` order.
    public let followUps: [FollowUp]

    public init(sessionDate: CalendarDate, calendar: ClinicCalendar) {
        self.sessionDate = sessionDate
        followUps = FollowUpKind.allCases.map { kind in
            let nominal = sessionDate.adding(days: kind.nominalDay)
            return FollowUp(kind: kind, nominalDate: nominal, date: calendar.nextOpenDay(onOrAfter: nominal))
        }
    }

    public func followUp(_ kind: FollowUpKind) -> FollowUp {
        followUps.first { $0.kind == kind }!
    }
}
