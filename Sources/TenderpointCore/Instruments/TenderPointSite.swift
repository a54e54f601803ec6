/// One of the 9 bilateral ACR 1990 tender-point locations (DOMAIN.md §1.1).
public enum TenderPointLocation: String, CaseIterable, Codable, Sendable, Hashable {
    case occiput, lowCervical, trapezius, supraspinatus, secondRib
    case lateralEpicondyle, gluteal, greaterTrochanter, knee

    /// Where the examiner palpates.
    public var landmark: String {
        switch self {
        case .occiput: "at the suboccipital muscle insertions"
        case .lowCervical: "anterior aspects of the intertransverse spaces at C5–C7"
        case .trapezius: "midpoint of the upper border"
        case .supraspinatus: "at origins, above the scapular spine near the medial border"
        case .secondRib: "second costochondral junctions, just lateral to the junctions on upper surfaces"
        case .lateralEpicondyle: "2 cm distal to the epicondyles"
        case .gluteal: "upper outer quadrants of the buttocks, in the anterior fold of muscle"
        case .greaterTrochanter: "posterior to the trochanteric prominence"
        case .knee: "medial fat pad proximal to the joint line"
        }
    }

    public var name: String {
        switch self {
        case .occiput: "Occiput"
        case .lowCervical: "Low cervical"
        case .trapezius: "Trapezius"
        case .supraspinatus: "Supraspinatus"
        case .secondRib: "Second rib"
        case .lateralEpicondyle: "Lateral epicondyle"
        case .gluteal: "Gluteal"
        case .greaterTrochanter: "Greater trochanter"
        case .knee: "Knee"
        }
    }
}

/// One of the 18 ACR 1990 tender points, identified as `<location>.<side>` (`occiput.left`).
public struct TenderPointSite: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let location: TenderPointLocation
    public let side: Side

    public init(_ location: TenderPointLocation, _ side: Side) {
        self.location = location
        self.side = side
    }

    /// Parses a stable identifier such as `secondRib.right`; nil for anything else.
    public init?(id: String) {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let location = TenderPointLocation(rawValue: String(parts[0])),
              let side = Side(rawValue: String(parts[1])) else { return nil }
        self.init(location, side)
    }

    public var id: String { "\(location.rawValue).\(side.rawValue)" }
    public var description: String { id }
    public var name: String { "\(location.name), \(side.rawValue)" }

    /// All 18 sites in examination order: each location left then right.
    public static let all: [TenderPointSite] = TenderPointLocation.allCases.flatMap { location in
        Side.allCases.map { TenderPointSite(location, $0) }
    }

    public static func < (lhs: TenderPointSite, rhs: TenderPointSite) -> Bool {
        let order = { (site: TenderPointSite) in
            TenderPointLocation.allCases.firstIndex(of: site.location)! * 2 + (site.side == .left ? 0 : 1)
        }
        return order(lhs) < order(rhs)
    }
}

extension TenderPointSite: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let id = try container.decode(String.self)
        guard let site = TenderPointSite(id: id) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown tender point \(id)")
        }
        self = site
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
