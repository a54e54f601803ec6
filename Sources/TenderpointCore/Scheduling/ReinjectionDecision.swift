/// The outcome of checking a proposed session date against the patient's last session.
public enum ReinjectionDecision: Hashable, Sendable {
    /// The patient has no earlier session.
    case firstSession
    /// At least 84 days since the last session; `inTargetWindow` when 84–112 days (weeks 12–16).
    case allowed(inTargetWindow: Bool, daysSinceLast: Int)
    /// Fewer than 84 days since the last session (negative for a date before it).
    /// Only `ReinjectionWindow.assess` returns this; `decide` refuses instead.
    case tooEarly(earliest: CalendarDate, daysSinceLast: Int)
    /// Too early, but a clinician overrode the interval with this (trimmed) reason.
    case overridden(reason: String, daysSinceLast: Int)

    /// Days from the last session to the proposed date; nil for a first session.
    public var daysSinceLast: Int? {
        switch self {
        case .firstSession: nil
        case .allowed(_, let days), .tooEarly(_, let days), .overridden(_, let days): days
        }
    }
}
