extension Observation {
    /// The result, `value[x]`: the Quantity, CodeableConcept, string, boolean and integer types.
    public enum Value: FHIRChoice, Hashable, Sendable {
        case quantity(Quantity)
        case codeableConcept(CodeableConcept)
        case string(String)
        case boolean(Bool)
        case integer(Int)

        static let typeNames = ["Quantity", "CodeableConcept", "String", "Boolean", "Integer"]

        init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws {
            switch typeName {
            case "Quantity": self = .quantity(try container.decode(Quantity.self, forKey: key))
            case "CodeableConcept": self = .codeableConcept(try container.decode(CodeableConcept.self, forKey: key))
            case "String": self = .string(try container.decode(String.self, forKey: key))
            case "Boolean": self = .boolean(try container.decode(Bool.self, forKey: key))
            case "Integer": self = .integer(try container.decode(Int.self, forKey: key))
            default: preconditionFailure("typeNames lists \(typeName) without a case")
            }
        }

        func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws {
            switch self {
            case .quantity(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Quantity"))
            case .codeableConcept(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "CodeableConcept"))
            case .string(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "String"))
            case .boolean(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Boolean"))
            case .integer(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Integer"))
            }
        }
    }
}
