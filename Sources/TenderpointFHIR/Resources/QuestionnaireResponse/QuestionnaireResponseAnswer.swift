extension QuestionnaireResponse {
    /// One answer, with any items nested under it.
    public struct Answer: Codable, Hashable, Sendable {
        public var value: QuestionnaireResponse.Answer.Value?
        public var item: [QuestionnaireResponse.Item]?

        public init(
            value: QuestionnaireResponse.Answer.Value? = nil,
            item: [QuestionnaireResponse.Item]? = nil
        ) {
            self.value = value
            self.item = item
        }

        enum CodingKeys: String, CodingKey {
            case item
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            value = try QuestionnaireResponse.Answer.Value.decode(from: decoder, prefix: "value")
            item = try container.decodeIfPresent([QuestionnaireResponse.Item].self, forKey: .item)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try value?.encode(to: encoder, prefix: "value")
            try container.encodeIfPresent(item, forKey: .item)
        }
    }
}
