/// Where a pain score came from: the patient's own diary or a clinic assessment.
public enum PainSource: String, CaseIterable, Codable, Sendable, Hashable {
    case diary
    case assessment
}
