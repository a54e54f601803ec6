/// The three domains of the FIQR (DOMAIN.md §1.3).
public enum FIQRDomain: String, CaseIterable, Codable, Sendable, Hashable {
    case function, overallImpact, symptoms

    public var name: String {
        switch self {
        case .function: "Function"
        case .overallImpact: "Overall impact"
        case .symptoms: "Symptoms"
        }
    }
}
