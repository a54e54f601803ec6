extension Bundle.Entry {
    /// The result of an entry's request.
    public struct Response: Codable, Hashable, Sendable {
        /// The HTTP status code, with optional text: `200 OK`.
        public var status: String
        public var location: String?
        public var etag: String?
        public var lastModified: FHIRInstant?

        public init(
            status: String,
            location: String? = nil,
            etag: String? = nil,
            lastModified: FHIRInstant? = nil
        ) {
            self.status = status
            self.location = location
            self.etag = etag
            self.lastModified = lastModified
        }
    }
}
