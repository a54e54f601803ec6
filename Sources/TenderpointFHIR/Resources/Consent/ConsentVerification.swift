extension Consent {
    /// A check that the consent was verified with the patient.
    public struct Verification: Codable, Hashable, Sendable {
        public var verified: Bool
        public var verifiedWith: Reference?
        public var verificationDate: FHIRDateTime?

        public init(
            verified: Bool,
            verifiedWith: Reference? = nil,
            verificationDate: FHIRDateTime? = nil
        ) {
            self.verified = verified
            self.verifiedWith = verifiedWith
            self.verificationDate = verificationDate
        }
    }
}
