/// A telephone number, e-mail address or other contact (FHIR R4 `ContactPoint`).
/// Invariant cpt-2: a `value` needs a `system`.
public struct ContactPoint: Codable, Hashable, Sendable {
    public var system: ContactPoint.System?
    public var value: String?
    public var use: ContactPoint.Use?
    /// Preference order, 1 highest (positiveInt).
    public var rank: Int?
    public var period: Period?

    public init(
        system: ContactPoint.System? = nil,
        value: String? = nil,
        use: ContactPoint.Use? = nil,
        rank: Int? = nil,
        period: Period? = nil
    ) {
        self.system = system
        self.value = value
        self.use = use
        self.rank = rank
        self.period = period
    }
}
