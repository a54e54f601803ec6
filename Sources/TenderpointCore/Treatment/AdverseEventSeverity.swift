/// How bad an adverse event was (DOMAIN.md §4). Whether it was *serious* (a regulatory
/// category: hospital admission, life-threatening…) is recorded separately.
///
/// `notYetAssessed` is the severity of an event the patient reported in the diary until a
/// clinician reviews it (DOMAIN.md §4, "Reported by the patient"); a clinician records one of
/// the three `assessed` severities and cannot set an event back to not assessed.
public enum AdverseEventSeverity: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case notYetAssessed, mild, moderate, severe

    /// The severities a clinician records.
    public static let assessed: [AdverseEventSeverity] = [.mild, .moderate, .severe]

    public var label: String {
        switch self {
        case .notYetAssessed: "not yet assessed"
        case .mild: "mild"
        case .moderate: "moderate"
        case .severe: "severe"
        }
    }

    public static func < (lhs: AdverseEventSeverity, rhs: AdverseEventSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
