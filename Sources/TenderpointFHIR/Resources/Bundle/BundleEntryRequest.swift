extension Bundle.Entry {
    /// The request an entry in a transaction or batch makes.
    public struct Request: Codable, Hashable, Sendable {
        public var method: Bundle.Entry.Request.Method
        public var url: String
        public var ifNoneMatch: String?
        public var ifModifiedSince: FHIRInstant?
        public var ifMatch: String?
        public var ifNoneExist: String?

        public init(
            method: Bundle.Entry.Request.Method,
            url: String,
            ifNoneMatch: String? = nil,
            ifModifiedSince: FHIRInstant? = nil,
            ifMatch: String? = nil,
            ifNoneExist: String? = nil
        ) {
            self.method = method
            self.url = url
            self.ifNoneMatch = ifNoneMatch
            self.ifModifiedSince = ifModifiedSince
            self.ifMatch = ifMatch
            self.ifNoneExist = ifNoneExist
        }
    }
}
