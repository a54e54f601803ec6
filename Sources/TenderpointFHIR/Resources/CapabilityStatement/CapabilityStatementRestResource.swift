extension CapabilityStatement.Rest {
    /// One resource type served, with its interactions and search parameters.
    public struct Resource: Codable, Hashable, Sendable {
        /// A resource type name, such as `Patient`.
        public var type: String
        public var profile: String?
        public var supportedProfile: [String]?
        public var documentation: String?
        public var interaction: [CapabilityStatement.Rest.Resource.Interaction]?
        public var versioning: CapabilityStatement.Rest.Resource.Versioning?
        public var readHistory: Bool?
        public var updateCreate: Bool?
        public var searchInclude: [String]?
        public var searchRevInclude: [String]?
        public var searchParam: [CapabilityStatement.Rest.SearchParam]?
        public var operation: [CapabilityStatement.Rest.Operation]?

        public init(
            type: String,
            profile: String? = nil,
            supportedProfile: [String]? = nil,
            documentation: String? = nil,
            interaction: [CapabilityStatement.Rest.Resource.Interaction]? = nil,
            versioning: CapabilityStatement.Rest.Resource.Versioning? = nil,
            readHistory: Bool? = nil,
            updateCreate: Bool? = nil,
            searchInclude: [String]? = nil,
            searchRevInclude: [String]? = nil,
            searchParam: [CapabilityStatement.Rest.SearchParam]? = nil,
            operation: [CapabilityStatement.Rest.Operation]? = nil
        ) {
            self.type = type
            self.profile = profile
            self.supportedProfile = supportedProfile
            self.documentation = documentation
            self.interaction = interaction
            self.versioning = versioning
            self.readHistory = readHistory
            self.updateCreate = updateCreate
            self.searchInclude = searchInclude
            self.searchRevInclude = searchRevInclude
            self.searchParam = searchParam
            self.operation = operation
        }
    }
}
