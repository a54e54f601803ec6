extension Observation {
    /// A result reported with the observation, such as one FIQR domain or one tender point.
    public struct Component: Codable, Hashable, Sendable {
        public var code: CodeableConcept
        public var value: Observation.Value?
        public var dataAbsentReason: CodeableConcept?
        public var interpretation: [CodeableConcept]?

        public init(
            code: CodeableConcept,
            value: Observation.Value? = nil,
            dataAbsentReason: CodeableConcept? = nil,
            interpretation: [CodeableConcept]? = nil
        ) {
            self.code = code
            self.value = value
            self.dataAbsentReason = dataAbsentReason
            self.interpretation = interpretation
        }

        enum CodingKeys: String, CodingKey {
            case code
            case dataAbsentReason
            case interpretation
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(CodeableConcept.self, forKey: .code)
            value = try Observation.Value.decode(from: decoder, prefix: "value")
            dataAbsentReason = try container.decodeIfPresent(CodeableConcept.self, forKey: .dataAbsentReason)
            interpretation = try container.decodeIfPresent([CodeableConcept].self, forKey: .interpretation)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try value?.encode(to: encoder, prefix: "value")
            try container.encodeIfPresent(dataAbsentReason, forKey: .dataAbsentReason)
            try container.encodeIfPresent(interpretation, forKey: .interpretation)
        }
    }
}
