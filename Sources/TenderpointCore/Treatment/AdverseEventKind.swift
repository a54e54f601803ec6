/// What went wrong after a session (DOMAIN.md §4), plus increased pain, which §6 says is
/// recorded as an adverse event rather than hidden.
public enum AdverseEventKind: String, CaseIterable, Codable, Sendable, Hashable {
    case injectionSitePain
    case bruising
    case localMuscleWeakness
    case fluLikeSymptoms
    case headache
    case fatigue
    case dryMouth
    case dysphagia
    case ptosis
    case neckWeakness
    /// Distant spread of toxin effect: generalized weakness, diplopia, blurred vision,
    /// dysarthria, breathing difficulty (the labels' boxed warning).
    case distantSpread
    case allergicReaction
    case increasedPain

    /// True for the events that need a clinician at once whatever their severity (DOMAIN.md §4):
    /// the boxed warning's distant spread, swallowing difficulty, and an allergic reaction.
    public var isUrgent: Bool { AdverseEventKind.urgentKinds.contains(self) }

    public static let urgentKinds: Set<AdverseEventKind> = [.distantSpread, .dysphagia, .allergicReaction]

    public var label: String {
        switch self {
        case .injectionSitePain: "Injection-site pain"
        case .bruising: "Bruising"
        case .localMuscleWeakness: "Local muscle weakness"
        case .fluLikeSymptoms: "Flu-like symptoms"
        case .headache: "Headache"
        case .fatigue: "Fatigue"
        case .dryMouth: "Dry mouth"
        case .dysphagia: "Dysphagia (swallowing difficulty)"
        case .ptosis: "Ptosis (drooping eyelid)"
        case .neckWeakness: "Neck weakness"
        case .distantSpread: "Distant spread of toxin effect (generalized weakness, diplopia, blurred vision, dysarthria, breathing difficulty)"
        case .allergicReaction: "Allergic reaction"
        case .increasedPain: "Increased pain"
        }
    }
}
