extension Consent {
    /// What the consent permits or denies (the top-level rule).
    public struct Provision: Codable, Hashable, Sendable {
        public var type: Consent.Provision.ProvisionType?
        public var period: Period?
        public var action: [CodeableConcept]?
        public var purpose: [Coding]?
        public var code: [CodeableConcept]?

        public init(
            type: Consent.Provision.ProvisionType? = nil,
            period: Period? = nil,
            action: [CodeableConcept]? = nil,
            purpose: [Coding]? = nil,
            code: [CodeableConcept]? = nil
        ) {
            self.type = type
            self.period = period
            self.action = action
            self.purpose = purpose
            self.code = code
        }
    }
}
