import Foundation

/// A vial as the stock holds it: the vial itself, its state, and what has been drawn from it.
/// A vial holds its labelled units and no more (no overfill is assumed, DOMAIN.md §2): the units
/// drawn over all sessions, for all patients, plus any units wasted may not exceed them.
public struct VialStock: Hashable, Sendable {
    public let vial: Vial
    public let state: VialState
    /// When it was finished, discarded or recalled; nil while it is open (and for a vial closed
    /// before the time was kept, which then counts as closed since ever).
    public let closedAt: Date?
    /// Units drawn by recorded injections of sessions other than the one being checked (a
    /// voided session's injections are not counted: it was charted in error).
    public let drawn: Units
    /// Units discarded with the vial.
    public let wasted: Units

    public init(vial: Vial, state: VialState = .inUse, closedAt: Date? = nil, drawn: Units = .zero, wasted: Units = .zero) {
        self.vial = vial
        self.state = state
        self.closedAt = closedAt
        self.drawn = drawn
        self.wasted = wasted
    }

    public var product: ToxinProduct { vial.product }

    /// What is left in it (never below zero).
    public var remaining: Units {
        let left = vial.size - drawn - wasted
        return left < .zero ? .zero : left
    }

    /// Whether an injection at `instant` may be drawn from it, every problem at once: the vial's
    /// own (`Vial.problems(at:timeZone:)`: expiry, reconstitution, use period) and, once it is
    /// finished, discarded or recalled, any injection at or after that moment. An injection
    /// charted late for a moment before the vial was closed is judged as it was then.
    public func problems(at instant: Date, timeZone: TimeZone) -> [Problem] {
        var problems: [Problem] = []
        if state.isClosed, closedAt.map({ instant >= $0 }) ?? true {
            let when = closedAt.map { " since \(Vial.timestamp($0))" } ?? ""
            problems.append(Problem(.vialUnusable, "Vial of \(vial.product.rawValue), lot \(vial.lotNumber), is \(state.rawValue)\(when).",
                                    field: "vial"))
        }
        return problems + vial.problems(at: instant, timeZone: timeZone)
    }

    /// Checks a discard: the vial must be open, the reason written, and the wasted units (all
    /// that is left when not given) between 0 and what is left. Returns the units wasted.
    public func discard(reason: String, wastedUnits: Units?) throws(Problems) -> Units {
        var problems: [Problem] = []
        if let problem = state.problem(movingTo: .discarded) { problems.append(problem) }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            problems.append(Problem(.invalidValue, "A discarded vial needs a reason (e.g. its 24 hours passed).", field: "reason"))
        } else if text.count > VialStock.maximumReasonLength {
            problems.append(Problem(.invalidValue, "The reason is longer than \(VialStock.maximumReasonLength) characters.", field: "reason"))
        }
        let wasted = wastedUnits ?? remaining
        if wasted > remaining {
            problems.append(Problem(.valueOutOfRange,
                                    "wastedUnits (\(wasted)) cannot be more than the \(remaining) left in the vial.",
                                    field: "wastedUnits"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return wasted
    }

    public static let maximumReasonLength = 500
}
