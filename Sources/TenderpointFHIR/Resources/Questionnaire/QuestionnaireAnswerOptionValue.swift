extension Questionnaire.AnswerOption {
    /// The answer, `value[x]`: the integer, date, string, Coding and Reference types.
    public enum Value: FHIRChoice, Hashable, Sendable {
        case integer(Int)
        case date(FHIRDate)
        case string(String)
        case coding(Coding)
        case reference(Reference)

        static let typeNames = ["Integer", "Date", "String", "Coding", "Reference"]

        init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws {
            switch typeName {
            case "Integer": self = .integer(try container.decode(Int.self, forKey: key))
            case "Date": self = .date(try container.decode(FHIRDate.self, forKey: key))
            case "String": self = .string(try container.decode(String.self, forKey: key))
            case "Coding": self = .coding(try container.decode(Coding.self, forKey: key))
            case "Reference": self = .reference(try container.decode(Reference.self, forKey: key))
            default: preconditionFailure("typeNames lists \(typeName) without a case")
            }
        }

        func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws {
            switch self {
            case .integer(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Integer"))
            case .date(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Date"))
            case .string(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "String"))
            case .coding(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Coding"))
            case .reference(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Reference"))
            }
        }
    }
}
