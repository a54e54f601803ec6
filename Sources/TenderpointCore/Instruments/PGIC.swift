/// Patient Global Impression of Change, 1–7.
public enum PGIC: Int, CaseIterable, Codable, Sendable, Hashable {
    case veryMuchImproved = 1
    case muchImproved
    case minimallyImproved
    case noChange
    case minimallyWorse
    case muchWorse
    case veryMuchWorse

    /// Validates a score from a form or the API; `field` names the input in the problem.
    public init(score: Int, field: String = "pgic") throws(Problems) {
        guard let value = PGIC(rawValue: score) else {
            throw Problems([Problem(.valueOutOfRange, "PGIC must be 1–7, not \(score).", field: field)])
        }
        self = value
    }

    /// "Much improved" in the IMMPACT sense: 1 or 2.
    public var isMuchImproved: Bool { self == .veryMuchImproved || self == .muchImproved }

    public var label: String {
        switch self {
        case .veryMuchImproved: "Very much improved"
        case .muchImproved: "Much improved"
        case .minimallyImproved: "Minimally improved"
        case .noChange: "No change"
        case .minimallyWorse: "Minimally worse"
        case .muchWorse: "Much worse"
        case .veryMuchWorse: "Very much worse"
        }
    }
}
