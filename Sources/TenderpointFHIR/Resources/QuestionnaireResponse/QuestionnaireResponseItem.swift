extension QuestionnaireResponse {
    /// The answers to one questionnaire item. qrs-1: answers or nested items, not both.
    public struct Item: Codable, Hashable, Sendable {
        public var linkId: String
        public var definition: String?
        public var text: String?
        public var answer: [QuestionnaireResponse.Answer]?
        public var item: [QuestionnaireResponse.Item]?

        public init(
            linkId: String,
            definition: String? = nil,
            text: String? = nil,
            answer: [QuestionnaireResponse.Answer]? = nil,
            item: [QuestionnaireResponse.Item]? = nil
        ) {
            self.linkId = linkId
            self.definition = definition
            self.text = text
            self.answer = answer
            self.item = item
        }
    }
}
