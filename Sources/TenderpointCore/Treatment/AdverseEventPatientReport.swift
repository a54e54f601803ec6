/// Side effects a patient names in the diary (DOMAIN.md §4, "Reported by the patient"): which
/// become adverse events of which session, and which raise an urgent alert.
///
/// How it is read:
/// - A side effect is one of the §4 identifiers (`injectionSitePain` … `allergicReaction`; not
///   `increasedPain`, which the pain score itself records), matched without regard to case and
///   stored as the identifier; anything else is the patient's own words, kept in the diary as
///   written, raising nothing. A kind named twice in one entry counts once.
/// - **Which session**: the patient's latest session (voided sessions do not count) dated on or
///   before the entry's date, when the entry is at most 112 days (16 weeks) after it: day 0, the
///   session's own day, through day 112. Day 113 and later belong to no session.
/// - **One event per session and kind**: a kind already on record for that session, reported
///   by the patient or recorded by the clinic, is not recorded again.
/// - **Urgent** (`AdverseEventKind.urgentKinds`: distant spread, dysphagia, allergic reaction):
///   also raises an alert for the clinic, whether or not the entry falls in a session's window,
///   unless an alert of the same kind for the patient is still open (not yet acknowledged). A
///   report after an acknowledgement raises a new alert: the clinic hears of it again.
public enum AdverseEventPatientReport {
    public static let reportingWindowDays = 112
    /// What a patient may name, in the order of §4.
    public static let reportableKinds: [AdverseEventKind] = AdverseEventKind.allCases.filter { $0 != .increasedPain }

    /// What the patient is told at once when they name an urgent side effect.
    public static let urgentAdvice = "Weakness away from the injection, double or blurred vision, trouble speaking, "
        + "swallowing or breathing, or an allergic reaction can be serious. If you have difficulty breathing or "
        + "swallowing, call 999 now. Otherwise call the clinic now."

    /// A diary entry's side effects, read.
    public struct SideEffects: Hashable, Sendable {
        /// The kinds named, each once, in the order first named.
        public let kinds: [AdverseEventKind]
        /// The list to keep: the identifier of each kind named (once) and the patient's own words,
        /// in the order given.
        public let stored: [String]

        public var urgentKinds: [AdverseEventKind] { kinds.filter(\.isUrgent) }
    }

    /// The reportable kind `text` names, or nil when it is the patient's own words.
    public static func kind(named text: String) -> AdverseEventKind? {
        reportableKinds.first { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }
    }

    /// `sideEffects` already trimmed and checked for length by the caller.
    public static func read(_ sideEffects: [String]) -> SideEffects {
        var kinds: [AdverseEventKind] = []
        var stored: [String] = []
        for text in sideEffects {
            if let kind = kind(named: text) {
                guard !kinds.contains(kind) else { continue }
                kinds.append(kind)
                stored.append(kind.rawValue)
            } else {
                stored.append(text)
            }
        }
        return SideEffects(kinds: kinds, stored: stored)
    }

    /// Whether an entry dated `entryDate` reports on the session of `sessionDate`: days 0 … 112.
    public static func isWithinWindow(sessionDate: CalendarDate, entryDate: CalendarDate) -> Bool {
        (0...reportingWindowDays).contains(entryDate.days(since: sessionDate))
    }

    /// What a diary entry's named kinds put on record.
    public struct Plan: Hashable, Sendable {
        /// The session's date when the entry falls in its window, else nil (no event is recorded).
        public let sessionDate: CalendarDate?
        /// Kinds to record as new adverse events of that session (source patient, severity not
        /// yet assessed, onset the entry's date).
        public let newEvents: [AdverseEventKind]
        /// Urgent kinds that raise a new alert.
        public let alerts: [AdverseEventKind]
        /// Every urgent kind named, alert or not: the patient is told to call at once.
        public let urgent: [AdverseEventKind]
    }

    /// - Parameters:
    ///   - latestSessionDate: the patient's latest non-voided session dated on or before the
    ///     entry's date, if any.
    ///   - kindsOnRecord: kinds already on record for that session, from any source.
    ///   - openAlertKinds: kinds of the patient's alerts not yet acknowledged.
    public static func plan(_ sideEffects: SideEffects, entryDate: CalendarDate, latestSessionDate: CalendarDate?,
                            kindsOnRecord: Set<AdverseEventKind>, openAlertKinds: Set<AdverseEventKind>) -> Plan {
        let session = latestSessionDate.flatMap { isWithinWindow(sessionDate: $0, entryDate: entryDate) ? $0 : nil }
        let urgent = sideEffects.urgentKinds
        return Plan(sessionDate: session,
                    newEvents: session == nil ? [] : sideEffects.kinds.filter { !kindsOnRecord.contains($0) },
                    alerts: urgent.filter { !openAlertKinds.contains($0) },
                    urgent: urgent)
    }
}
