extension MedicationAdministration {
    /// What was given, `medication[x]`: a code, or a reference such as `#vial` to a contained `Medication`.
    public enum Product: FHIRChoice, Hashable, Sendable {
        case codeableConcept(CodeableConcept)
        case reference(Reference)

        static let typeNames = ["CodeableConcept", "Reference"]

        init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws {
            switch typeName {
            case "CodeableConcept": self = .codeableConcept(try container.decode(CodeableConcept.self, forKey: key))
            case "Reference": self = .reference(try container.decode(Reference.self, forKey: key))
            default: preconditionFailure("typeNames lists \(typeName) without a case")
            }
        }

        func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws {
            switch self {
            case .codeableConcept(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "CodeableConcept"))
            case .reference(let value): try container.encode(value, forKey: FHIRCodingKey(prefix + "Reference"))
            }
        }
    }
}
