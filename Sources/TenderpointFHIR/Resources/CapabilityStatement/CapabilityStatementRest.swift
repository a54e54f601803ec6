extension CapabilityStatement {
    /// The RESTful interface.
    public struct Rest: Codable, Hashable, Sendable {
        public var mode: CapabilityStatement.Rest.Mode
        public var documentation: String?
        public var security: CapabilityStatement.Rest.Security?
        public var resource: [CapabilityStatement.Rest.Resource]?
        public var interaction: [CapabilityStatement.Rest.Interaction]?
        public var searchParam: [CapabilityStatement.Rest.SearchParam]?
        public var operation: [CapabilityStatement.Rest.Operation]?
        public var compartment: [String]?

        public init(
            mode: CapabilityStatement.Rest.Mode,
            documentation: String? = nil,
            security: CapabilityStatement.Rest.Security? = nil,
            resource: [CapabilityStatement.Rest.Resource]? = nil,
            interaction: [CapabilityStatement.Rest.Interaction]? = nil,
            searchParam: [CapabilityStatement.Rest.SearchParam]? = nil,
            operation: [CapabilityStatement.Rest.Operation]? = nil,
            compartment: [String]? = nil
        ) {
            self.mode = mode
            self.documentation = documentation
            self.security = security
            self.resource = resource
            self.interaction = interaction
            self.searchParam = searchParam
            self.operation = operation
            self.compartment = compartment
        }
    }
}
