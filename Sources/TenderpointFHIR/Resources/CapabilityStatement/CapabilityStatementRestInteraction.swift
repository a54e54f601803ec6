extension CapabilityStatement.Rest {
    /// A whole-system operation.
    public struct Interaction: Codable, Hashable, Sendable {
        public var code: CapabilityStatement.Rest.Interaction.Code
        public var documentation: String?

        public init(
            code: CapabilityStatement.Rest.Interaction.Code,
            documentation: String? = nil
        ) {
            self.code = code
            self.documentation = documentation
        }
    }
}
