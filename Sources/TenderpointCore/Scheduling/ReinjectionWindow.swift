import Foundation

/// When a patient may next receive toxin (DOMAIN.md §3): no sooner than 84 days (12 weeks) after
/// the last session, whatever the product, and ideally in weeks 12–16 (days 84–112).
///
/// Day N after a session is the session date plus N days, so the last session's date plus 83
/// days is too early and plus 84 days is allowed.
public struct ReinjectionWindow: Hashable, Sendable {
    public static let minimumIntervalDays = 84
    public static let targetFromDays = 84
    public static let targetToDays = 112

    public let lastSessionDate: CalendarDate
    /// The first date a session is allowed without an override.
    public let earliest: CalendarDate
    /// First day of the target window (week 12).
    public let targetFrom: CalendarDate
    /// Last day of the target window (week 16), inclusive.
    public let targetTo: CalendarDate

    public init(after lastSessionDate: CalendarDate) {
        self.lastSessionDate = lastSessionDate
        earliest = lastSessionDate.adding(days: Self.minimumIntervalDays)
        targetFrom = lastSessionDate.adding(days: Self.targetFromDays)
        targetTo = lastSessionDate.adding(days: Self.targetToDays)
    }

    public static func window(after lastSession: CalendarDate) -> ReinjectionWindow {
        ReinjectionWindow(after: lastSession)
    }

    /// Where `proposed` falls relative to the last session, with no override considered:
    /// never throws, for showing a patient's status. A date before the last session (a
    /// back-dated entry) is fewer than 84 days after it, so it is too early.
    public static func assess(proposed: CalendarDate, lastSession: CalendarDate?) -> ReinjectionDecision {
        guard let lastSession else { return .firstSession }
        let days = proposed.days(since: lastSession)
        guard days >= minimumIntervalDays else {
            return .tooEarly(earliest: lastSession.adding(days: minimumIntervalDays), daysSinceLast: days)
        }
        return .allowed(inTargetWindow: days <= targetToDays, daysSinceLast: days)
    }

    /// Decides whether a session may be charted on `proposed`.
    ///
    /// Too early without an override throws `intervalTooShort` (field `date`). Too early with an
    /// override throws `overrideNotPermitted` (field `override`) unless a clinician gives it and
    /// `overrideReasonRequired` (field `override.reason`) when the reason is blank, both at once
    /// when both apply. An override on a session that is not too early is ignored.
    public static func decide(proposed: CalendarDate, lastSession: CalendarDate?,
                              override: ReinjectionOverride?) throws(Problems) -> ReinjectionDecision {
        let decision = assess(proposed: proposed, lastSession: lastSession)
        guard case .tooEarly(let earliest, let days) = decision, let lastSession else { return decision }
        guard let override else {
            throw Problems([Problem(.intervalTooShort, tooEarlyMessage(days: days, last: lastSession, earliest: earliest),
                                    field: "date")])
        }
        return .overridden(reason: try overrideReason(override), daysSinceLast: days)
    }

    /// The trimmed reason of an override, or why it is refused: only a clinician overrides, and
    /// never without a written reason (both reported when both apply).
    private static func overrideReason(_ override: ReinjectionOverride) throws(Problems) -> String {
        var problems: [Problem] = []
        if !override.by.mayOverrideClinicalRules {
            problems.append(Problem(.overrideNotPermitted,
                                    "Only a clinician may override the \(minimumIntervalDays)-day minimum interval.",
                                    field: "override"))
        }
        let reason = override.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            problems.append(Problem(.overrideReasonRequired,
                                    "An override of the minimum interval needs a written reason.",
                                    field: "override.reason"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return reason
    }

    /// `decide` against every other recorded session, before **and after** `proposed` (DOMAIN.md
    /// §3: a session charted late for an earlier date gets every check against the sessions on
    /// both sides of it). Too early when any other session is fewer than 84 days away on either
    /// side — a second session on the same day too. Otherwise the decision is measured from the
    /// previous session (a first session when there is none before it).
    public static func decide(proposed: CalendarDate, sessionDates: some Sequence<CalendarDate>,
                              override: ReinjectionOverride?) throws(Problems) -> ReinjectionDecision {
        let dates = Array(sessionDates)
        let previous = dates.filter { $0 <= proposed }.max()
        let next = dates.filter { $0 > proposed }.min()
        guard let next, next.days(since: proposed) < minimumIntervalDays else {
            return try decide(proposed: proposed, lastSession: previous, override: override)
        }
        if let previous, proposed.days(since: previous) < minimumIntervalDays {
            // Too close on both sides: the previous session's message names the earliest date.
            return try decide(proposed: proposed, lastSession: previous, override: override)
        }
        let gap = next.days(since: proposed)
        guard let override else {
            let latest = next.adding(days: -minimumIntervalDays)
            throw Problems([Problem(.intervalTooShort,
                                    "A session is recorded \(gap) day\(gap == 1 ? "" : "s") later, on \(next); sessions are at least "
                                    + "\(minimumIntervalDays) days apart, so a session before it is on or before \(latest).",
                                    field: "date")])
        }
        let reason = try overrideReason(override)
        return .overridden(reason: reason, daysSinceLast: -gap)
    }

    /// The latest of `sessionDates` strictly before `date` (for a cycle's previous session).
    /// To check a proposed session use `decide(proposed:sessionDates:override:)`: a session on
    /// the same day or later must count too.
    public static func mostRecentSession(before date: CalendarDate,
                                         among sessionDates: some Sequence<CalendarDate>) -> CalendarDate? {
        sessionDates.filter { $0 < date }.max()
    }

    private static func tooEarlyMessage(days: Int, last: CalendarDate, earliest: CalendarDate) -> String {
        let interval: String
        switch days {
        case ..<0: interval = "The proposed date is \(-days) day\(days == -1 ? "" : "s") before the last session (\(last))"
        case 0: interval = "The last session was on the same day (\(last))"
        default: interval = "Only \(days) day\(days == 1 ? "" : "s") since the last session (\(last))"
        }
        return interval + "; the minimum interval is \(minimumIntervalDays) days, so the earliest date is \(earliest)."
    }
}

extension ReinjectionWindow: Codable {
    private enum CodingKeys: String, CodingKey { case lastSessionDate, earliest, targetFrom, targetTo }

    /// Every other date follows from `lastSessionDate`, so only that is read.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(after: try container.decode(CalendarDate.self, forKey: .lastSessionDate))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lastSessionDate, forKey: .lastSessionDate)
        try container.encode(earliest, forKey: .earliest)
        try container.encode(targetFrom, forKey: .targetFrom)
        try container.encode(targetTo, forKey: .targetTo)
    }
}
