extension Medication {
    /// The packaged batch: the vial's lot, which a recall searches by.
    public struct Batch: Codable, Hashable, Sendable {
        public var lotNumber: String?
        /// A dateTime in R4 (a date alone is a valid dateTime).
        public var expirationDate: FHIRDateTime?

        public init(
            lotNumber: String? = nil,
            expirationDate: FHIRDateTime? = nil
        ) {
            self.lotNumber = lotNumber
            self.expirationDate = expirationDate
        }
    }
}
