/// PublicationStatus (required binding), for Questionnaire and CapabilityStatement.
public enum PublicationStatus: String, FHIRValueSetCode {
    case draft
    case active
    case retired
    case unknown
}
