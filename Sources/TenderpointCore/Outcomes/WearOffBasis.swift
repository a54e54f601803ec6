/// What a wear-off prediction rests on.
public enum WearOffBasis: Hashable, Codable, Sendable {
    /// The median of this many of the patient's own cycles (at least 2).
    case ownCycles(Int)
    /// The clinic's population median.
    case population
    /// The domain default of 105 days (15 weeks, the middle of "3–4 months").
    case defaults
}

/// Flat JSON for clients: `{"source": "ownCycles", "cycles": 3}`, `{"source": "population"}`,
/// `{"source": "defaults"}`.
extension WearOffBasis {
    private enum CodingKeys: String, CodingKey { case source, cycles }
    private enum Source: String, Codable { case ownCycles, population, defaults }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Source.self, forKey: .source) {
        case .ownCycles: self = .ownCycles(try container.decode(Int.self, forKey: .cycles))
        case .population: self = .population
        case .defaults: self = .defaults
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ownCycles(let count):
            try container.encode(Source.ownCycles, forKey: .source)
            try container.encode(count, forKey: .cycles)
        case .population: try container.encode(Source.population, forKey: .source)
        case .defaults: try container.encode(Source.defaults, forKey: .source)
        }
    }
}
