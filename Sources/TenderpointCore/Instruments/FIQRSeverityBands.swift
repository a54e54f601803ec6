/// Cut points between FIQR severity bands; each band is half-open, [lower, next lower).
///
/// Clinics may configure them; `standard` is Salaffi et al. 2020.
public struct FIQRSeverityBands: Hashable, Sendable, Codable {
    /// Lowest total of each band above remission.
    public let mild: Double
    public let moderate: Double
    public let severe: Double
    public let verySevere: Double

    /// Remission [0, 24), mild [24, 41), moderate [41, 64), severe [64, 83), very severe [83, 100].
    public static let standard = FIQRSeverityBands(uncheckedMild: 24, moderate: 41, severe: 64, verySevere: 83)

    /// Custom cut points; they must lie within 0–100 and be strictly increasing.
    public init(mild: Double, moderate: Double, severe: Double, verySevere: Double) throws(Problems) {
        var problems: [Problem] = []
        let cuts = [("mild", mild), ("moderate", moderate), ("severe", severe), ("verySevere", verySevere)]
        for (field, value) in cuts where !(0...100).contains(value) {
            problems.append(Problem(.valueOutOfRange, "Cut point \(field) must be within 0–100, not \(value).", field: field))
        }
        for (lower, upper) in zip(cuts, cuts.dropFirst()) where !(lower.1 < upper.1) {
            problems.append(Problem(.invalidValue, "Cut point \(upper.0) (\(upper.1)) must be above \(lower.0) (\(lower.1)).",
                                    field: upper.0))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        self.init(uncheckedMild: mild, moderate: moderate, severe: severe, verySevere: verySevere)
    }

    // A stored configuration is validated again, so a corrupted one cannot mis-band totals.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(mild: container.decode(Double.self, forKey: .mild),
                          moderate: container.decode(Double.self, forKey: .moderate),
                          severe: container.decode(Double.self, forKey: .severe),
                          verySevere: container.decode(Double.self, forKey: .verySevere))
        } catch let problems as Problems {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: problems.all.map(\.message).joined(separator: " ")))
        }
    }

    private init(uncheckedMild mild: Double, moderate: Double, severe: Double, verySevere: Double) {
        self.mild = mild
        self.moderate = moderate
        self.severe = severe
        self.verySevere = verySevere
    }

    private enum CodingKeys: String, CodingKey {
        case mild, moderate, severe, verySevere
    }

    /// The band of an FIQR total.
    public func band(for total: Double) -> FIQRSeverityBand {
        if total >= verySevere { return .verySevere }
        if total >= severe { return .severe }
        if total >= moderate { return .moderate }
        if total >= mild { return .mild }
        return .remission
    }
}
