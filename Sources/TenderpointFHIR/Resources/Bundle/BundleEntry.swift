extension Bundle {
    /// One entry. bdl-5: a `resource`, a `request` or a `response`.
    public struct Entry: Codable, Hashable, Sendable {
        public var link: [Bundle.Link]?
        /// The absolute URL of the resource.
        public var fullUrl: String?
        public var resource: AnyResource?
        public var search: Bundle.Entry.Search?
        public var request: Bundle.Entry.Request?
        public var response: Bundle.Entry.Response?

        public init(
            link: [Bundle.Link]? = nil,
            fullUrl: String? = nil,
            resource: AnyResource? = nil,
            search: Bundle.Entry.Search? = nil,
            request: Bundle.Entry.Request? = nil,
            response: Bundle.Entry.Response? = nil
        ) {
            self.link = link
            self.fullUrl = fullUrl
            self.resource = resource
            self.search = search
            self.request = request
            self.response = response
        }
    }
}
