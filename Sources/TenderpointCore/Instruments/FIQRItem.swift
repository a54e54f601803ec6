/// One of the 21 FIQR items, numbered as in the questionnaire.
///
/// The questionnaire's wording is copyrighted: only short neutral labels ship here; a licensed
/// clinic loads the full wording from a file.
public enum FIQRItem: Int, CaseIterable, Codable, Sendable, Hashable {
    case hairCare = 1
    case walking
    case preparingMeal
    case floorCleaning
    case carryingGroceries
    case stairs
    case changingSheets
    case sitting
    case groceryShopping
    case goalsPrevented
    case overwhelmed
    case pain
    case energy
    case stiffness
    case sleepQuality
    case depression
    case memory
    case anxiety
    case tenderness
    case balance
    case sensitivity

    /// 1–21.
    public var number: Int { rawValue }

    public var domain: FIQRDomain {
        switch rawValue {
        case 1...9: .function
        case 10...11: .overallImpact
        default: .symptoms
        }
    }

    public var label: String {
        switch self {
        case .hairCare: "Hair care"
        case .walking: "Walking 20 minutes"
        case .preparingMeal: "Preparing a meal"
        case .floorCleaning: "Floor cleaning"
        case .carryingGroceries: "Carrying groceries"
        case .stairs: "One flight of stairs"
        case .changingSheets: "Changing sheets"
        case .sitting: "Sitting 45 minutes"
        case .groceryShopping: "Grocery shopping"
        case .goalsPrevented: "Goals prevented"
        case .overwhelmed: "Overwhelmed"
        case .pain: "Pain"
        case .energy: "Energy"
        case .stiffness: "Stiffness"
        case .sleepQuality: "Sleep quality"
        case .depression: "Depression"
        case .memory: "Memory"
        case .anxiety: "Anxiety"
        case .tenderness: "Tenderness to touch"
        case .balance: "Balance"
        case .sensitivity: "Sensitivity to noise, light, odours or cold"
        }
    }
}
