extension Script {
    /// The conveniences of the schedule (the pages work without them).
    static let schedule = """
    """
}
