extension MedicationAdministration {
    /// How the dose was given. mad-1: a `dose` or a rate is required.
    public struct Dosage: Codable, Hashable, Sendable {
        public var text: String?
        /// The body site: the tender point or muscle, with laterality.
        public var site: CodeableConcept?
        /// Intramuscular for toxin injections.
        public var route: CodeableConcept?
        public var method: CodeableConcept?
        /// A SimpleQuantity (no comparator): units with unit text `U`, UCUM `[arb'U]`.
        public var dose: Quantity?

        public init(
            text: String? = nil,
            site: CodeableConcept? = nil,
            route: CodeableConcept? = nil,
            method: CodeableConcept? = nil,
            dose: Quantity? = nil
        ) {
            self.text = text
            self.site = site
            self.route = route
            self.method = method
            self.dose = dose
        }
    }
}
