/// Where an injection goes: one of the 18 tender points or a muscle on one side (DOMAIN.md §2a).
///
/// The same id can name both kinds (`trapezius.left` is a tender point and a muscle), so a site
/// is its kind and its id together; they are different sites for per-site dose limits.
/// JSON: `{"tenderPoint": "trapezius.left"}` or `{"muscle": "levatorScapulae.right"}`.
public enum InjectionSite: Hashable, Sendable, CustomStringConvertible {
    case tenderPoint(TenderPointSite)
    case muscle(MuscleSite)

    /// The kind of site; its raw value is the JSON key.
    public enum Kind: String, CaseIterable, Codable, Sendable, Hashable {
        case tenderPoint, muscle
    }

    /// Nil when `id` is not a site of that kind.
    public init?(kind: Kind, id: String) {
        switch kind {
        case .tenderPoint:
            guard let site = TenderPointSite(id: id) else { return nil }
            self = .tenderPoint(site)
        case .muscle:
            guard let site = MuscleSite(id: id) else { return nil }
            self = .muscle(site)
        }
    }

    public var kind: Kind {
        switch self {
        case .tenderPoint: .tenderPoint
        case .muscle: .muscle
        }
    }

    /// The site's own id (`trapezius.left`), without its kind.
    public var id: String {
        switch self {
        case .tenderPoint(let site): site.id
        case .muscle(let site): site.id
        }
    }

    public var side: Side {
        switch self {
        case .tenderPoint(let site): site.side
        case .muscle(let site): site.side
        }
    }

    /// "Trapezius, left (tender point)" or "Levator scapulae, right (muscle)".
    public var name: String {
        switch self {
        case .tenderPoint(let site): "\(site.name) (tender point)"
        case .muscle(let site): "\(site.name) (muscle)"
        }
    }

    public var description: String { "\(kind.rawValue):\(id)" }
}

extension InjectionSite: Codable {
    private enum CodingKeys: String, CodingKey {
        case tenderPoint, muscle
    }

    /// Exactly one of `tenderPoint` and `muscle` must be present; other keys (such as `chart`)
    /// belong to the enclosing object and are left alone.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "a site has exactly one of \"tenderPoint\" and \"muscle\""))
        }
        let id = try container.decode(String.self, forKey: key)
        let kind: Kind = key == .tenderPoint ? .tenderPoint : .muscle
        guard let site = InjectionSite(kind: kind, id: id) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                   debugDescription: "unknown \(kind.rawValue) site \(id)")
        }
        self = site
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: kind == .tenderPoint ? .tenderPoint : .muscle)
    }
}
