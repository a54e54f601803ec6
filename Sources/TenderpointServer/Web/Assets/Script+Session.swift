extension Script {
    /// The conveniences of session charting (the pages work without them).
    static let session = """
    """
}
