/// A safety question answered yes or no before every session (DOMAIN.md §4).
public enum ScreeningItem: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Hashable {
    case hypersensitivity
    case milkProteinAllergy
    case siteInfection
    case neuromuscularDisorder
    case pregnant
    case breastfeeding
    case aminoglycosides
    case anticoagulants
    case dysphagiaOrBreathing
    case under18
    case unresolvedAdverseEvent

    /// The question as asked on the day; "yes" is the answer that matters clinically.
    public var question: String {
        switch self {
        case .hypersensitivity:
            "Known allergy to any botulinum toxin product or its excipients (such as albumin)?"
        case .milkProteinAllergy:
            "Allergy to cow's-milk protein?"
        case .siteInfection:
            "Infection or inflammation at a proposed injection site?"
        case .neuromuscularDisorder:
            "Myasthenia gravis, Lambert–Eaton syndrome or motor neurone disease?"
        case .pregnant:
            "Pregnant?"
        case .breastfeeding:
            "Breastfeeding?"
        case .aminoglycosides:
            "Taking aminoglycosides or other drugs that affect neuromuscular transmission?"
        case .anticoagulants:
            "Taking anticoagulant or antiplatelet therapy?"
        case .dysphagiaOrBreathing:
            "Existing difficulty with swallowing or breathing?"
        case .under18:
            "Under 18 years old?"
        case .unresolvedAdverseEvent:
            "An adverse event from the last cycle (weakness, dysphagia, ptosis) not yet resolved?"
        }
    }

    /// True for an item whose effect is the clinic's policy rather than a label contraindication:
    /// only pregnancy (human data are insufficient). Only these may be changed in `ScreeningPolicy`.
    public var isClinicPolicy: Bool { self == .pregnant }

    /// The field a problem with this item is reported on: `screening.<item>`.
    public var field: String { "screening.\(rawValue)" }
}
