import Foundation

/// An adverse event after a session, checked against the session it follows.
public struct AdverseEvent: Hashable, Sendable {
    public let kind: AdverseEventKind
    public let onsetDate: CalendarDate
    public let severity: AdverseEventSeverity
    public let serious: Bool
    /// Trimmed; nil when empty.
    public let description: String?
    /// Nil while the event is ongoing.
    public let resolvedOn: CalendarDate?

    public static let maximumDescriptionLength = 4000

    /// Every problem at once: the onset cannot be before the session (the event follows it) or
    /// after today; the resolution cannot be before the onset or after today.
    public init(kind: AdverseEventKind, onsetDate: CalendarDate, severity: AdverseEventSeverity, serious: Bool,
                description: String?, resolvedOn: CalendarDate?, sessionDate: CalendarDate,
                today: CalendarDate) throws(Problems) {
        var problems: [Problem] = []
        if onsetDate < sessionDate {
            problems.append(Problem(.invalidDate, "The onset (\(onsetDate)) cannot be before the session (\(sessionDate)).",
                                    field: "onsetDate"))
        } else if onsetDate > today {
            problems.append(Problem(.invalidDate, "The onset (\(onsetDate)) cannot be after today (\(today)).", field: "onsetDate"))
        }
        if let resolvedOn {
            if resolvedOn < onsetDate {
                problems.append(Problem(.invalidDate, "The event cannot resolve (\(resolvedOn)) before its onset (\(onsetDate)).",
                                        field: "resolvedOn"))
            } else if resolvedOn > today {
                problems.append(Problem(.invalidDate, "The resolution date (\(resolvedOn)) cannot be after today (\(today)).",
                                        field: "resolvedOn"))
            }
        }
        let text = description?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let text, text.count > AdverseEvent.maximumDescriptionLength {
            problems.append(Problem(.invalidValue,
                                    "The description is longer than \(AdverseEvent.maximumDescriptionLength) characters.",
                                    field: "description"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        self.kind = kind
        self.onsetDate = onsetDate
        self.severity = severity
        self.serious = serious
        self.description = text?.isEmpty == true ? nil : text
        self.resolvedOn = resolvedOn
    }

    /// Urgent when it is distant spread of toxin effect (the boxed warning) and still ongoing.
    public var isUrgent: Bool { kind.isUrgent && resolvedOn == nil }

    public var isResolved: Bool { resolvedOn != nil }
}
