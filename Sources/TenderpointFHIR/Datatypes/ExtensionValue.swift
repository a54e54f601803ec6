extension Extension {
    /// The subset of `Extension.value[x]` Tenderpoint writes.
    public enum Value: FHIRChoice, Hashable, Sendable {
        case boolean(Bool)
        case integer(Int)
        case decimal(FHIRDecimal)
        case string(String)
        case code(String)
        case uri(String)
        case date(FHIRDate)
        case dateTime(FHIRDateTime)
        case instant(FHIRInstant)
        case coding(Coding)
        case codeableConcept(CodeableConcept)
        case quantity(Quantity)
        case reference(Reference)
        case period(Period)
        case identifier(Identifier)

        static let typeNames = ["Boolean", "Integer", "Decimal", "String", "Code", "Uri", "Date", "DateTime", "Instant", "Coding", "CodeableConcept", "Quantity", "Reference", "Period", "Identifier"]

        init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws {
            switch typeName {
            case "Boolean": self = .boolean(try container.decode(Bool.self, forKey: key))
            case "Integer": self = .integer(try container.decode(Int.self, forKey: key))
            case "Decimal": self = .decimal(try container.decode(FHIRDecimal.self, forKey: key))
            case "String": self = .string(try container.decode(String.self, forKey: key))
            case "Code": self = .code(try container.decode(String.self, forKey: key))
            case "Uri": self = .uri(try container.decode(String.self, forKey: key))
            case "Date": self = .date(try container.decode(FHIRDate.self, forKey: key))
            case "DateTime": self = .dateTime(try container.decode(FHIRDateTime.self, forKey: key))
            case "Instant": self = .instant(try container.decode(FHIRInstant.self, forKey: key))
            case "Coding": self = .coding(try container.decode(Coding.self, forKey: key))
            case "CodeableConcept": self = .codeableConcept(try container.decode(CodeableConcept.self, forKey: key))
            case "Quantity": self = .quantity(try container.decode(Quantity.self, forKey: key))
            case "Reference": self = .reference(try container.decode(Reference.self, forKey: key))
            case "Period": self = .period(try container.decode(Period.self, forKey: key))
            case "Identifier": self = .identifier(try container.decode(Identifier.self, forKey: key))
            default: preconditionFailure("typeNames lists \(typeName) without a case")
            }
        }

        func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws {
            switch self {
            case .boolean(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Boolean"))
            case .integer(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Integer"))
            case .decimal(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Decimal"))
            case .string(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "String"))
            case .code(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Code"))
            case .uri(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Uri"))
            case .date(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Date"))
            case .dateTime(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "DateTime"))
            case .instant(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Instant"))
            case .coding(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Coding"))
            case .codeableConcept(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "CodeableConcept"))
            case .quantity(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Quantity"))
            case .reference(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Reference"))
            case .period(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Period"))
            case .identifier(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Identifier"))
            }
        }
    }
}
