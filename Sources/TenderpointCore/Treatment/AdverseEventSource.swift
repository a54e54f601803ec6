/// Who put an adverse event on record: a clinician (or nurse) after a review, or the patient,
/// through a side effect named in the diary (DOMAIN.md §4, "Reported by the patient").
public enum AdverseEventSource: String, CaseIterable, Codable, Sendable, Hashable {
    case clinician
    case patient

    public var label: String {
        switch self {
        case .clinician: "recorded by the clinic"
        case .patient: "reported by the patient"
        }
    }
}
