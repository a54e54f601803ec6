/// Where a vial is in the clinic's stock (DOMAIN.md §2): unopened → in use (reconstituted, or
/// first drawn from) → finished (used up), discarded (with a reason and the units wasted) or
/// recalled (its lot was recalled). A closed vial never opens again; a recall reaches every vial
/// of the lot, whatever its state.
public enum VialState: String, Codable, CaseIterable, Sendable {
    case unopened, inUse, finished, discarded, recalled

    public var isClosed: Bool { self == .finished || self == .discarded || self == .recalled }

    /// Why staff cannot move a vial from this state to `next`, if they cannot: only an open vial
    /// is finished or discarded, only an unopened one is opened, and a recall is final.
    public func problem(movingTo next: VialState) -> Problem? {
        let allowed: Bool
        switch (self, next) {
        case (.unopened, .inUse): allowed = true
        case (.unopened, .finished), (.unopened, .discarded), (.inUse, .finished), (.inUse, .discarded): allowed = true
        case (.recalled, _): allowed = false
        case (_, .recalled): allowed = true
        default: allowed = false
        }
        guard !allowed else { return nil }
        return Problem(.invalidValue, "A vial that is \(rawValue) cannot become \(next.rawValue).", field: "state")
    }
}
