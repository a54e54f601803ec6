/// The five body regions of the ACR 2016 generalized-pain rule (DOMAIN.md §1.2).
public enum ACR2016Region: String, CaseIterable, Codable, Sendable, Hashable {
    case leftUpper, rightUpper, leftLower, rightLower, axial

    public var name: String {
        switch self {
        case .leftUpper: "Left upper"
        case .rightUpper: "Right upper"
        case .leftLower: "Left lower"
        case .rightLower: "Right lower"
        case .axial: "Axial"
        }
    }
}
