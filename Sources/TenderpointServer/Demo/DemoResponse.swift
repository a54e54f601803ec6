/// How a demo patient's pain answers a session: the published time course of botulinum toxin
/// (DOMAIN.md §3) — no change for the first days, pain falling from about day 8, lowest at about
/// week 3, a plateau, then back to the patient's usual level by weeks 12–16. Responders fall by
/// 30–70% of their usual pain; non-responders hardly move.
enum DemoResponder: Sendable {
    case strong, moderate, none

    /// The fraction of the usual pain a session takes away at its peak.
    func peakReduction(using random: inout SplitMix64) -> Double {
        switch self {
        case .strong: random.double(in: 0.50...0.70)
        case .moderate: random.double(in: 0.34...0.48)
        case .none: random.double(in: 0.00...0.15)
        }
    }

    var isResponder: Bool { self != .none }

    /// The patient's global impression of change at week 3 (1 very much improved … 7 very much worse).
    func pgic(using random: inout SplitMix64) -> Int {
        switch self {
        case .strong: random.pick([1, 2, 2])
        case .moderate: random.pick([2, 2, 3])
        case .none: random.pick([3, 4, 4, 4, 5])
        }
    }
}

/// One treatment cycle's effect over time.
struct DemoCycleEffect: Sendable {
    /// Fraction of the usual pain removed at the peak.
    let peakReduction: Double
    /// The last day of the plateau after the peak.
    let plateauEnd: Int
    /// The day the effect has worn off completely.
    let wornOffDay: Int

    init(responder: DemoResponder, using random: inout SplitMix64) {
        peakReduction = responder.peakReduction(using: &random)
        plateauEnd = random.int(in: 35...56)
        wornOffDay = random.int(in: 80...108)
    }

    /// The share of the peak effect `day` days after the session (0 before the onset and after
    /// it has worn off, 1 at the peak).
    func share(onDay day: Int) -> Double {
        switch day {
        case ..<3: 0
        case 3..<8: 0.15 * Double(day - 3) / 5
        case 8..<21: 0.15 + 0.85 * Double(day - 8) / 13
        case 21..<plateauEnd: 1
        case plateauEnd..<wornOffDay: 1 - Double(day - plateauEnd) / Double(wornOffDay - plateauEnd)
        default: 0
        }
    }

    /// The pain expected `day` days after the session for a patient whose usual pain is `usual`.
    func pain(usual: Int, onDay day: Int) -> Double {
        Double(usual) * (1 - peakReduction * share(onDay: day))
    }
}
