/// A pain numeric rating scale score: 0 no pain – 10 worst imaginable, the average over the past
/// 24 hours unless the form says otherwise.
public struct PainNRS: Hashable, Sendable, Comparable, Codable {
    /// LOINC "Pain severity - 0-10 verbal numeric rating [Score] - Reported".
    public static let loincCode = "72514-3"
    public static let loincSystem = "http://loinc.org"

    public let value: Int

    /// `field` names the input in a problem (for example `painNRS` in a diary entry).
    public init(_ value: Int, field: String = "painNRS") throws(Problems) {
        guard (0...10).contains(value) else {
            throw Problems([Problem(.valueOutOfRange, "Pain NRS must be 0–10, not \(value).", field: field)])
        }
        self.value = value
    }

    // Decoding validates too, so a stored or received NRS is always 0–10.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Int.self)
        do {
            try self.init(value)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Pain NRS must be 0–10, not \(value).")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static func < (lhs: PainNRS, rhs: PainNRS) -> Bool { lhs.value < rhs.value }
}
