/// A person's name (FHIR R4 `HumanName`).
public struct HumanName: Codable, Hashable, Sendable {
    public var use: HumanName.Use?
    public var text: String?
    public var family: String?
    public var given: [String]?
    public var prefix: [String]?
    public var suffix: [String]?
    public var period: Period?

    public init(
        use: HumanName.Use? = nil,
        text: String? = nil,
        family: String? = nil,
        given: [String]? = nil,
        prefix: [String]? = nil,
        suffix: [String]? = nil,
        period: Period? = nil
    ) {
        self.use = use
        self.text = text
        self.family = family
        self.given = given
        self.prefix = prefix
        self.suffix = suffix
        self.period = period
    }
}
