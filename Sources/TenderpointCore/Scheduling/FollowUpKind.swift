/// The follow-ups planned after every session (DOMAIN.md §3), in the order they fall.
public enum FollowUpKind: String, CaseIterable, Codable, Sendable, Hashable {
    case onsetCheck = "onset-check"
    case peakReview = "peak-review"
    case reassessment = "reassessment"

    /// Days after the session (session date plus this many days): day 8, week 3, week 12.
    public var nominalDay: Int {
        switch self {
        case .onsetCheck: 8
        case .peakReview: 21
        case .reassessment: 84
        }
    }

    public var label: String {
        switch self {
        case .onsetCheck: "Onset check (phone)"
        case .peakReview: "Peak review"
        case .reassessment: "Reassessment"
        }
    }
}
