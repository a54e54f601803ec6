import Foundation

/// A FHIR `dateTime`: a date of any precision, or a full date with a time and a zone offset,
/// kept exactly as written (precision and offset are part of the value).
public struct FHIRDateTime: Hashable, Sendable, Codable, CustomStringConvertible {
    public let text: String
    private let parts: FHIRTemporalText

    public init?(_ text: String) {
        guard let parts = FHIRTemporalText.parse(text, as: .dateTime) else { return nil }
        self.text = text
        self.parts = parts
    }

    public init(validating text: String) throws(FHIRJSONError) {
        guard let dateTime = FHIRDateTime(text) else {
            throw FHIRJSONError(kind: .invalidValue,
                                message: "\"\(text)\" is not a FHIR dateTime (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.f]+zz:zz)")
        }
        self = dateTime
    }

    /// A date is a valid dateTime of the same precision.
    public init(_ date: FHIRDate) {
        self.init(date.text)!
    }

    /// `date` to the second (milliseconds when it has any), written with `timeZone`'s offset.
    public init(_ date: Date, timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) {
        self.init(FHIRTemporalText.format(date, timeZone: timeZone))!
    }

    /// The calendar date part as written (`2024-05`, `2024-05-01`).
    public var datePart: FHIRDate {
        FHIRDate(String(text.prefix(while: { $0 != "T" })))!
    }

    /// Whether a time of day (and so a zone offset) is given.
    public var hasTime: Bool { parts.hour != nil }

    /// The moment, when a time is given; nil for a date-only value, which is a whole period.
    public var date: Date? { parts.date }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try FHIRDateTime(validating: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
