/// Severity bands of the FIQR total (Salaffi et al. 2020).
public enum FIQRSeverityBand: String, CaseIterable, Codable, Sendable, Hashable {
    case remission, mild, moderate, severe, verySevere

    public var label: String {
        switch self {
        case .remission: "Remission"
        case .mild: "Mild"
        case .moderate: "Moderate"
        case .severe: "Severe"
        case .verySevere: "Very severe"
        }
    }
}
