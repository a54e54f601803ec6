/// How bad an adverse event was (DOMAIN.md §4). Whether it was *serious* (a regulatory
/// category: hospital admission, life-threatening…) is recorded separately.
public enum AdverseEventSeverity: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case mild, moderate, severe

    public static func < (lhs: AdverseEventSeverity, rhs: AdverseEventSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
