extension Questionnaire {
    /// A question, group or display text. que-1: a group has items, a display item has none.
    public struct Item: Codable, Hashable, Sendable {
        /// Extensions, such as `minValue` and `maxValue` for a bounded integer answer.
        public var `extension`: [Extension]?
        /// Unique within the questionnaire; answers refer to it.
        public var linkId: String
        public var definition: String?
        public var code: [Coding]?
        /// The label shown before the text, such as an item number.
        public var prefix: String?
        public var text: String?
        public var type: Questionnaire.ItemType
        public var required: Bool?
        public var repeats: Bool?
        public var readOnly: Bool?
        public var maxLength: Int?
        public var answerValueSet: String?
        public var answerOption: [Questionnaire.AnswerOption]?
        public var item: [Questionnaire.Item]?

        public init(
            `extension`: [Extension]? = nil,
            linkId: String,
            definition: String? = nil,
            code: [Coding]? = nil,
            prefix: String? = nil,
            text: String? = nil,
            type: Questionnaire.ItemType,
            required: Bool? = nil,
            repeats: Bool? = nil,
            readOnly: Bool? = nil,
            maxLength: Int? = nil,
            answerValueSet: String? = nil,
            answerOption: [Questionnaire.AnswerOption]? = nil,
            item: [Questionnaire.Item]? = nil
        ) {
            self.`extension` = `extension`
            self.linkId = linkId
            self.definition = definition
            self.code = code
            self.prefix = prefix
            self.text = text
            self.type = type
            self.required = required
            self.repeats = repeats
            self.readOnly = readOnly
            self.maxLength = maxLength
            self.answerValueSet = answerValueSet
            self.answerOption = answerOption
            self.item = item
        }
    }
}
