/// Who supervises a session charted by a nurse (DOMAIN.md §4 and the product's rule "a nurse
/// charts under an active clinician"): what the chart names as supervisor, as the record shows it.
public enum Supervision: Hashable, Sendable {
    /// No supervisor named.
    case none
    /// A supervisor was named but no account of that id is on record.
    case unknown
    /// The named account: its role and whether it is active.
    case account(role: Role, active: Bool)

    /// A nurse must name a supervisor, and any supervisor named must be an active clinician.
    public func problems(chartedBy: Role, field: String = "supervisorId") -> [Problem] {
        switch self {
        case .none:
            guard chartedBy == .nurse else { return [] }
            return [Problem(.invalidValue, "A nurse charts under a supervising clinician: supervisorId is required.", field: field)]
        case .unknown:
            return [Problem(.unknownIdentifier, "supervisorId must be an active clinician's user id.", field: field)]
        case .account(let role, let active):
            guard role == .clinician, active else {
                return [Problem(.unknownIdentifier,
                                "supervisorId must be an active clinician's user id (this account is \(active ? "" : "an inactive ")\(role.rawValue)).",
                                field: field)]
            }
            return []
        }
    }
}
