/// When something happened: a moment or a period. Used for `Observation.effective[x]`,
/// `MedicationAdministration.effective[x]` and `Procedure.performed[x]` (the dateTime and Period types).
public enum EffectiveTime: FHIRChoice, Hashable, Sendable {
    case dateTime(FHIRDateTime)
    case period(Period)

    static let typeNames = ["DateTime", "Period"]

    init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws {
        switch typeName {
        case "DateTime": self = .dateTime(try container.decode(FHIRDateTime.self, forKey: key))
        case "Period": self = .period(try container.decode(Period.self, forKey: key))
        default: preconditionFailure("typeNames lists \(typeName) without a case")
        }
    }

    func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws {
        switch self {
        case .dateTime(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "DateTime"))
        case .period(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Period"))
        }
    }
}
