extension QuestionnaireResponse.Answer {
    /// The answer, `value[x]`: the boolean, decimal, integer, date, dateTime, string, uri, Coding,
    /// Quantity and Reference types.
    public enum Value: FHIRChoice, Hashable, Sendable {
        case boolean(Bool)
        case decimal(FHIRDecimal)
        case integer(Int)
        case date(FHIRDate)
        case dateTime(FHIRDateTime)
        case string(String)
        case uri(String)
        case coding(Coding)
        case quantity(Quantity)
        case reference(Reference)

        static let typeNames = ["Boolean", "Decimal", "Integer", "Date", "DateTime", "String", "Uri", "Coding", "Quantity", "Reference"]

        init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws {
            switch typeName {
            case "Boolean": self = .boolean(try container.decode(Bool.self, forKey: key))
            case "Decimal": self = .decimal(try container.decode(FHIRDecimal.self, forKey: key))
            case "Integer": self = .integer(try container.decode(Int.self, forKey: key))
            case "Date": self = .date(try container.decode(FHIRDate.self, forKey: key))
            case "DateTime": self = .dateTime(try container.decode(FHIRDateTime.self, forKey: key))
            case "String": self = .string(try container.decode(String.self, forKey: key))
            case "Uri": self = .uri(try container.decode(String.self, forKey: key))
            case "Coding": self = .coding(try container.decode(Coding.self, forKey: key))
            case "Quantity": self = .quantity(try container.decode(Quantity.self, forKey: key))
            case "Reference": self = .reference(try container.decode(Reference.self, forKey: key))
            default: preconditionFailure("typeNames lists \(typeName) without a case")
            }
        }

        func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws {
            switch self {
            case .boolean(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Boolean"))
            case .decimal(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Decimal"))
            case .integer(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Integer"))
            case .date(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Date"))
            case .dateTime(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "DateTime"))
            case .string(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "String"))
            case .uri(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Uri"))
            case .coding(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Coding"))
            case .quantity(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Quantity"))
            case .reference(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Reference"))
            }
        }
    }
}
