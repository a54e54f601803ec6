extension Bundle {
    /// A link, such as the `self` and `next` pages of a search.
    public struct Link: Codable, Hashable, Sendable {
        /// `self`, `next`, `previous`, `first`, `last`.
        public var relation: String
        public var url: String

        public init(
            relation: String,
            url: String
        ) {
            self.relation = relation
            self.url = url
        }
    }
}
