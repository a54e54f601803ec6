extension Reference {
    /// A relative reference (`Patient/123`) to a stored resource.
    public init(to type: FHIRResourceType, id: String, display: String? = nil) {
        self.init(reference: "\(type.rawValue)/\(id)", display: display)
    }

    /// A reference to a resource in the same resource's `contained` list (`#id`).
    public init(containedID id: String, display: String? = nil) {
        self.init(reference: "#\(id)", display: display)
    }
}
