/// Who administered a criteria questionnaire. Only a clinician-administered result may raise a
/// diagnostic flag; self-report serves monitoring and research (DOMAIN.md §1.2).
public enum Administration: String, CaseIterable, Codable, Sendable, Hashable {
    case clinician, selfReport
}
