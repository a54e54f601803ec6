extension CapabilityStatement.Rest {
    /// A search parameter supported.
    public struct SearchParam: Codable, Hashable, Sendable {
        public var name: String
        public var definition: String?
        public var type: CapabilityStatement.Rest.SearchParam.ParamType
        public var documentation: String?

        public init(
            name: String,
            definition: String? = nil,
            type: CapabilityStatement.Rest.SearchParam.ParamType,
            documentation: String? = nil
        ) {
            self.name = name
            self.definition = definition
            self.type = type
            self.documentation = documentation
        }
    }
}
