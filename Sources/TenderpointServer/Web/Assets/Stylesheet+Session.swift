extension Stylesheet {
    /// The rules of session charting.
    static let session = """
    """
}
