extension Annotation {
    /// Who wrote the note: `author[x]`.
    public enum Author: FHIRChoice, Hashable, Sendable {
        case reference(Reference)
        case string(String)

        static let typeNames = ["Reference", "String"]

        init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws {
            switch typeName {
            case "Reference": self = .reference(try container.decode(Reference.self, forKey: key))
            case "String": self = .string(try container.decode(String.self, forKey: key))
            default: preconditionFailure("typeNames lists \(typeName) without a case")
            }
        }

        func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws {
            switch self {
            case .reference(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Reference"))
            case .string(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "String"))
            }
        }
    }
}
