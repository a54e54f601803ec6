extension CapabilityStatement.Rest {
    /// An operation supported, such as `$export`.
    public struct Operation: Codable, Hashable, Sendable {
        public var name: String
        /// The canonical URL of the OperationDefinition.
        public var definition: String
        public var documentation: String?

        public init(
            name: String,
            definition: String,
            documentation: String? = nil
        ) {
            self.name = name
            self.definition = definition
            self.documentation = documentation
        }
    }
}
