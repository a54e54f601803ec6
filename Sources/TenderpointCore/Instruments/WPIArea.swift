/// One of the 19 areas of the Widespread Pain Index (ACR 2016, DOMAIN.md §1.2).
/// The raw value is the stable identifier used in the API and stored data.
public enum WPIArea: String, CaseIterable, Codable, Sendable, Hashable {
    case jawLeft = "jaw.left"
    case shoulderGirdleLeft = "shoulderGirdle.left"
    case upperArmLeft = "upperArm.left"
    case lowerArmLeft = "lowerArm.left"
    case jawRight = "jaw.right"
    case shoulderGirdleRight = "shoulderGirdle.right"
    case upperArmRight = "upperArm.right"
    case lowerArmRight = "lowerArm.right"
    case hipLeft = "hip.left"
    case upperLegLeft = "upperLeg.left"
    case lowerLegLeft = "lowerLeg.left"
    case hipRight = "hip.right"
    case upperLegRight = "upperLeg.right"
    case lowerLegRight = "lowerLeg.right"
    case neck
    case upperBack
    case lowerBack
    case chest
    case abdomen

    public var region: ACR2016Region {
        switch self {
        case .jawLeft, .shoulderGirdleLeft, .upperArmLeft, .lowerArmLeft: .leftUpper
        case .jawRight, .shoulderGirdleRight, .upperArmRight, .lowerArmRight: .rightUpper
        case .hipLeft, .upperLegLeft, .lowerLegLeft: .leftLower
        case .hipRight, .upperLegRight, .lowerLegRight: .rightLower
        case .neck, .upperBack, .lowerBack, .chest, .abdomen: .axial
        }
    }

    /// Whether pain here gives its region pain for the generalized-pain rule.
    /// Jaw, chest and abdomen count in the WPI only (the starred areas of the 2016 criteria).
    public var countsTowardGeneralizedPain: Bool {
        switch self {
        case .jawLeft, .jawRight, .chest, .abdomen: false
        default: true
        }
    }

    public var name: String {
        switch self {
        case .jawLeft: "Jaw, left"
        case .shoulderGirdleLeft: "Shoulder girdle, left"
        case .upperArmLeft: "Upper arm, left"
        case .lowerArmLeft: "Lower arm, left"
        case .jawRight: "Jaw, right"
        case .shoulderGirdleRight: "Shoulder girdle, right"
        case .upperArmRight: "Upper arm, right"
        case .lowerArmRight: "Lower arm, right"
        case .hipLeft: "Hip (buttock, trochanter), left"
        case .upperLegLeft: "Upper leg, left"
        case .lowerLegLeft: "Lower leg, left"
        case .hipRight: "Hip (buttock, trochanter), right"
        case .upperLegRight: "Upper leg, right"
        case .lowerLegRight: "Lower leg, right"
        case .neck: "Neck"
        case .upperBack: "Upper back"
        case .lowerBack: "Lower back"
        case .chest: "Chest"
        case .abdomen: "Abdomen"
        }
    }
}
