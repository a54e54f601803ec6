/// The most units of one product allowed at one site in a session, in one session, and in all
/// sessions over the last 3 calendar months (DOMAIN.md §2). Limits check doses; they never
/// suggest one.
public struct DoseLimits: Hashable, Codable, Sendable {
    public let perSite: Units
    public let perSession: Units
    public let cumulativeThreeMonths: Units

    public init(perSite: Units, perSession: Units, cumulativeThreeMonths: Units) {
        self.perSite = perSite
        self.perSession = perSession
        self.cumulativeThreeMonths = cumulativeThreeMonths
    }

    /// Why these limits cannot be configured: a limit must be more than zero, and a site's limit
    /// cannot exceed the session's, nor the session's the 3-month one (the session counts in it).
    public var problems: [Problem] {
        var problems: [Problem] = []
        for (field, value) in [("perSite", perSite), ("perSession", perSession),
                               ("cumulativeThreeMonths", cumulativeThreeMonths)] where value <= .zero {
            problems.append(Problem(.valueOutOfRange, "A dose limit must be more than 0 U, not \(value).", field: field))
        }
        guard problems.isEmpty else { return problems }
        if perSite > perSession {
            problems.append(Problem(.valueOutOfRange,
                                    "The per-site limit (\(perSite)) cannot exceed the per-session limit (\(perSession)).",
                                    field: "perSite"))
        }
        if perSession > cumulativeThreeMonths {
            problems.append(Problem(.valueOutOfRange,
                                    "The per-session limit (\(perSession)) cannot exceed the 3-month limit (\(cumulativeThreeMonths)).",
                                    field: "perSession"))
        }
        return problems
    }

    /// True when any of these limits is higher than the same limit in `reference`.
    public func exceedsAny(of reference: DoseLimits) -> Bool {
        perSite > reference.perSite || perSession > reference.perSession
            || cumulativeThreeMonths > reference.cumulativeThreeMonths
    }
}
