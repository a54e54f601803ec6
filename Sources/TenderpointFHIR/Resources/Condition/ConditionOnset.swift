extension Condition {
    /// When the condition began (`onset[x]`) or ended (`abatement[x]`): the dateTime, Period and string types.
    public enum Onset: FHIRChoice, Hashable, Sendable {
        case dateTime(FHIRDateTime)
        case period(Period)
        case string(String)

        static let typeNames = ["DateTime", "Period", "String"]

        init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws {
            switch typeName {
            case "DateTime": self = .dateTime(try container.decode(FHIRDateTime.self, forKey: key))
            case "Period": self = .period(try container.decode(Period.self, forKey: key))
            case "String": self = .string(try container.decode(String.self, forKey: key))
            default: preconditionFailure("typeNames lists \(typeName) without a case")
            }
        }

        func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws {
            switch self {
            case .dateTime(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "DateTime"))
            case .period(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Period"))
            case .string(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "String"))
            }
        }
    }
}
