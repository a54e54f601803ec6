import Foundation

/// A FHIR `instant`: `YYYY-MM-DDThh:mm:ss[.fff]` with `Z` or an offset, all parts required;
/// kept exactly as written.
public struct FHIRInstant: Hashable, Sendable, Codable, CustomStringConvertible {
    public let text: String
    /// The moment, computed once from the text.
    public let date: Date

    public init?(_ text: String) {
        guard let parts = FHIRTemporalText.parse(text, as: .instant), let date = parts.date else { return nil }
        self.text = text
        self.date = date
    }

    public init(validating text: String) throws(FHIRJSONError) {
        guard let instant = FHIRInstant(text) else {
            throw FHIRJSONError(kind: .invalidValue, message: "\"\(text)\" is not a FHIR instant (YYYY-MM-DDThh:mm:ss[.f]+zz:zz or Z)")
        }
        self = instant
    }

    /// `date` in UTC (`Z`), to the second, with milliseconds only when it has any.
    public init(_ date: Date) {
        self.init(FHIRTemporalText.format(date, timeZone: TimeZone(secondsFromGMT: 0)!))!
    }

    public var description: String { text }

    public static func == (lhs: FHIRInstant, rhs: FHIRInstant) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try FHIRInstant(validating: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
