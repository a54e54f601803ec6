/// A muscle on one side, identified as `<muscle>.<side>` (`levatorScapulae.right`).
public struct MuscleSite: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let muscle: Muscle
    public let side: Side

    public init(_ muscle: Muscle, _ side: Side) {
        self.muscle = muscle
        self.side = side
    }

    /// Parses a stable identifier such as `piriformis.left`; nil for anything else.
    public init?(id: String) {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let muscle = Muscle(rawValue: String(parts[0])),
              let side = Side(rawValue: String(parts[1])) else { return nil }
        self.init(muscle, side)
    }

    public var id: String { "\(muscle.rawValue).\(side.rawValue)" }
    public var description: String { id }
    public var name: String { "\(muscle.name), \(side.rawValue)" }

    /// All 28 sites: each muscle left then right, in `Muscle` order.
    public static let all: [MuscleSite] = Muscle.allCases.flatMap { muscle in
        Side.allCases.map { MuscleSite(muscle, $0) }
    }

    public static func < (lhs: MuscleSite, rhs: MuscleSite) -> Bool {
        let order = { (site: MuscleSite) in
            Muscle.allCases.firstIndex(of: site.muscle)! * 2 + (site.side == .left ? 0 : 1)
        }
        return order(lhs) < order(rhs)
    }
}

extension MuscleSite: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let id = try container.decode(String.self)
        guard let site = MuscleSite(id: id) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown muscle site \(id)")
        }
        self = site
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
