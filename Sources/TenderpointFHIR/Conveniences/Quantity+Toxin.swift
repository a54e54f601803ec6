extension Quantity {
    /// A toxin dose: unit text `U`, UCUM `[arb'U]` (product units are not international units).
    public static func toxinUnits(_ value: FHIRDecimal) -> Quantity {
        Quantity(value: value, unit: Codings.toxinUnitText, system: CodeSystem.ucum, code: Codings.toxinUnitCode)
    }
}
