extension Stylesheet {
    /// The rules of the admin pages.
    static let admin = """
    """
}
