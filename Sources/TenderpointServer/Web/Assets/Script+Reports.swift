extension Script {
    /// The conveniences of the outcome report page (the pages work without them).
    static let reports = """
    """
}
