extension Script {
    /// The conveniences of the admin pages (the pages work without them).
    static let admin = """
    """
}
