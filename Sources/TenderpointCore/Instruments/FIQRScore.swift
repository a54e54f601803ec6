/// FIQR domain scores and total, in full precision (show one decimal).
/// When the answers are invalid every score and the band are nil and `invalidReason` says why.
public struct FIQRScore: Hashable, Sendable, Codable {
    public let valid: Bool
    /// 0–30.
    public let function: Double?
    /// 0–20.
    public let overallImpact: Double?
    /// 0–50.
    public let symptoms: Double?
    /// 0–100.
    public let total: Double?
    public let invalidReason: String?
    public let severityBand: FIQRSeverityBand?

    public init(
        valid: Bool, function: Double?, overallImpact: Double?, symptoms: Double?, total: Double?,
        invalidReason: String?, severityBand: FIQRSeverityBand?
    ) {
        self.valid = valid
        self.function = function
        self.overallImpact = overallImpact
        self.symptoms = symptoms
        self.total = total
        self.invalidReason = invalidReason
        self.severityBand = severityBand
    }

    private enum CodingKeys: String, CodingKey {
        case valid, function, overallImpact, symptoms, total, invalidReason, severityBand
    }

    // Written by hand so absent scores are explicit `null`s, as the API contract shows.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(valid, forKey: .valid)
        try container.encode(function, forKey: .function)
        try container.encode(overallImpact, forKey: .overallImpact)
        try container.encode(symptoms, forKey: .symptoms)
        try container.encode(total, forKey: .total)
        try container.encode(invalidReason, forKey: .invalidReason)
        try container.encode(severityBand, forKey: .severityBand)
    }
}
