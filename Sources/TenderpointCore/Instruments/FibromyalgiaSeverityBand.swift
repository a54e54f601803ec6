/// Bands of the Fibromyalgia Severity (FS, polysymptomatic distress) scale, 0–31
/// (Wolfe et al., J Rheumatol 2015).
public enum FibromyalgiaSeverityBand: String, CaseIterable, Codable, Sendable, Hashable {
    case none, mild, moderate, severe, verySevere

    /// The band of an FS score: 0–3 none, 4–7 mild, 8–11 moderate, 12–19 severe, 20–31 very severe.
    /// Scores outside 0–31 cannot arise from valid answers; they fall into the nearest end band.
    public init(fibromyalgiaSeverity score: Int) {
        switch score {
        case ..<4: self = .none
        case 4...7: self = .mild
        case 8...11: self = .moderate
        case 12...19: self = .severe
        default: self = .verySevere
        }
    }

    public var label: String {
        switch self {
        case .none: "None"
        case .mild: "Mild"
        case .moderate: "Moderate"
        case .severe: "Severe"
        case .verySevere: "Very severe"
        }
    }
}
