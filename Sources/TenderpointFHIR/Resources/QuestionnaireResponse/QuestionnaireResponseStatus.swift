extension QuestionnaireResponse {
    /// QuestionnaireResponseStatus (required binding).
    public enum Status: String, FHIRValueSetCode {
        case inProgress = "in-progress"
        case completed
        case amended
        case enteredInError = "entered-in-error"
        case stopped
    }
}
