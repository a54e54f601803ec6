extension Bundle.Entry {
    /// Why the entry is in a search result.
    public struct Search: Codable, Hashable, Sendable {
        public var mode: Bundle.Entry.Search.Mode?
        public var score: FHIRDecimal?

        public init(
            mode: Bundle.Entry.Search.Mode? = nil,
            score: FHIRDecimal? = nil
        ) {
            self.mode = mode
            self.score = score
        }
    }
}
