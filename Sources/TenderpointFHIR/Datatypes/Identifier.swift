/// A business identifier (FHIR R4 `Identifier`), such as an NHS number.
public struct Identifier: Codable, Hashable, Sendable {
    public var use: Identifier.Use?
    public var type: CodeableConcept?
    public var system: String?
    public var value: String?
    public var period: Period?
    /// Stored out of line: a `Reference` may itself hold an `Identifier`.
    public var assigner: Reference? {
        get { _assigner?.wrapped }
        set { _assigner = newValue.map { .value($0) } }
    }
    private var _assigner: Indirect<Reference>?

    public init(
        use: Identifier.Use? = nil,
        type: CodeableConcept? = nil,
        system: String? = nil,
        value: String? = nil,
        period: Period? = nil,
        assigner: Reference? = nil
    ) {
        self.use = use
        self.type = type
        self.system = system
        self.value = value
        self.period = period
        self._assigner = assigner.map { .value($0) }
    }

    enum CodingKeys: String, CodingKey {
        case use
        case type
        case system
        case value
        case period
        case assigner
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        use = try container.decodeIfPresent(Identifier.Use.self, forKey: .use)
        type = try container.decodeIfPresent(CodeableConcept.self, forKey: .type)
        system = try container.decodeIfPresent(String.self, forKey: .system)
        value = try container.decodeIfPresent(String.self, forKey: .value)
        period = try container.decodeIfPresent(Period.self, forKey: .period)
        _assigner = try container.decodeIfPresent(Indirect<Reference>.self, forKey: .assigner)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(use, forKey: .use)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(system, forKey: .system)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(period, forKey: .period)
        try container.encodeIfPresent(_assigner, forKey: .assigner)
    }
}
