extension Practitioner {
    /// A qualification, certificate or licence.
    public struct Qualification: Codable, Hashable, Sendable {
        public var identifier: [Identifier]?
        public var code: CodeableConcept
        public var period: Period?
        public var issuer: Reference?

        public init(
            identifier: [Identifier]? = nil,
            code: CodeableConcept,
            period: Period? = nil,
            issuer: Reference? = nil
        ) {
            self.identifier = identifier
            self.code = code
            self.period = period
            self.issuer = issuer
        }
    }
}
