extension Stylesheet {
    /// The rules of the outcome report page.
    static let reports = """
    """
}
