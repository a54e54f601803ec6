extension Questionnaire {
    /// One permitted answer.
    public struct AnswerOption: Codable, Hashable, Sendable {
        public var value: Questionnaire.AnswerOption.Value
        public var initialSelected: Bool?

        public init(
            value: Questionnaire.AnswerOption.Value,
            initialSelected: Bool? = nil
        ) {
            self.value = value
            self.initialSelected = initialSelected
        }

        enum CodingKeys: String, CodingKey {
            case initialSelected
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            value = try Questionnaire.AnswerOption.Value.decodeRequired(from: decoder, prefix: "value")
            initialSelected = try container.decodeIfPresent(Bool.self, forKey: .initialSelected)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try value.encode(to: encoder, prefix: "value")
            try container.encodeIfPresent(initialSelected, forKey: .initialSelected)
        }
    }
}
