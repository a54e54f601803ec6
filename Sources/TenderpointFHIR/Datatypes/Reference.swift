/// A reference to another resource (FHIR R4 `Reference`): `Patient/123`, `#contained-id`, or an absolute URL.
public struct Reference: Codable, Hashable, Sendable {
    public var reference: String?
    /// The target resource type as a URI, when `reference` does not show it.
    public var type: String?
    public var identifier: Identifier?
    public var display: String?

    public init(
        reference: String? = nil,
        type: String? = nil,
        identifier: Identifier? = nil,
        display: String? = nil
    ) {
        self.reference = reference
        self.type = type
        self.identifier = identifier
        self.display = display
    }
}
