/// A measured amount (FHIR R4 `Quantity`; also `SimpleQuantity` when `comparator` is nil).
/// Toxin doses use unit text `U` with UCUM code `[arb'U]`: product units are not international units.
public struct Quantity: Codable, Hashable, Sendable {
    /// Kept as written: `12.50` stays `12.50`.
    public var value: FHIRDecimal?
    public var comparator: Quantity.Comparator?
    public var unit: String?
    public var system: String?
    public var code: String?

    public init(
        value: FHIRDecimal? = nil,
        comparator: Quantity.Comparator? = nil,
        unit: String? = nil,
        system: String? = nil,
        code: String? = nil
    ) {
        self.value = value
        self.comparator = comparator
        self.unit = unit
        self.system = system
        self.code = code
    }
}
