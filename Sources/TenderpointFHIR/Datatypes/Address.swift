/// A postal or physical address (FHIR R4 `Address`).
public struct Address: Codable, Hashable, Sendable {
    public var use: Address.Use?
    public var type: Address.AddressType?
    public var text: String?
    public var line: [String]?
    public var city: String?
    public var district: String?
    public var state: String?
    public var postalCode: String?
    public var country: String?
    public var period: Period?

    public init(
        use: Address.Use? = nil,
        type: Address.AddressType? = nil,
        text: String? = nil,
        line: [String]? = nil,
        city: String? = nil,
        district: String? = nil,
        state: String? = nil,
        postalCode: String? = nil,
        country: String? = nil,
        period: Period? = nil
    ) {
        self.use = use
        self.type = type
        self.text = text
        self.line = line
        self.city = city
        self.district = district
        self.state = state
        self.postalCode = postalCode
        self.country = country
        self.period = period
    }
}
