/// A concept as codes from one or more systems and/or text (FHIR R4 `CodeableConcept`).
public struct CodeableConcept: Codable, Hashable, Sendable {
    public var coding: [Coding]?
    public var text: String?

    public init(
        coding: [Coding]? = nil,
        text: String? = nil
    ) {
        self.coding = coding
        self.text = text
    }
}
