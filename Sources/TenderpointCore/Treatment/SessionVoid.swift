import Foundation

/// Voiding a session charted in error (DOMAIN.md §3 "Void, never delete"): a clinician, with a
/// written reason, once. The session stays in the record, marked, and stops counting for the
/// interval, the dose limits, the vials' content and the outcomes; its follow-ups still to come
/// are cancelled.
public enum SessionVoid {
    public static let maximumReasonLength = 1000

    /// The trimmed reason, or every problem at once.
    public static func check(reason: String?, by role: Role, alreadyVoided: Bool) throws(Problems) -> String {
        var problems: [Problem] = []
        if role != .clinician {
            problems.append(Problem(.overrideNotPermitted, "Only a clinician may void a session, not a \(role.rawValue).", field: nil))
        }
        if alreadyVoided {
            problems.append(Problem(.invalidValue, "The session is already voided.", field: nil))
        }
        let text = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            problems.append(Problem(.invalidValue, "Voiding a session needs a written reason.", field: "reason"))
        } else if text.count > maximumReasonLength {
            problems.append(Problem(.invalidValue, "The reason is longer than \(maximumReasonLength) characters.", field: "reason"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return text
    }
}
