extension Questionnaire {
    /// QuestionnaireItemType (required binding; the abstract `question` is not for instances).
    public enum ItemType: String, FHIRValueSetCode {
        case group
        case display
        case boolean
        case decimal
        case integer
        case date
        case dateTime
        case time
        case string
        case text
        case url
        case choice
        case openChoice = "open-choice"
        case attachment
        case reference
        case quantity
    }
}
