extension CapabilityStatement.Rest.Resource {
    /// An operation on one resource type.
    public struct Interaction: Codable, Hashable, Sendable {
        public var code: CapabilityStatement.Rest.Resource.Interaction.Code
        public var documentation: String?

        public init(
            code: CapabilityStatement.Rest.Resource.Interaction.Code,
            documentation: String? = nil
        ) {
            self.code = code
            self.documentation = documentation
        }
    }
}
