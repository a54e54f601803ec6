extension Stylesheet {
    /// The rules of the schedule.
    static let schedule = """
    """
}
