import Foundation

/// A FHIR `date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept exactly as written (a birth year alone
/// stays a year). Only days that exist are accepted.
public struct FHIRDate: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Precision: Sendable, Hashable { case year, month, day }

    public let text: String
    private let parts: FHIRTemporalText

    public init?(_ text: String) {
        guard let parts = FHIRTemporalText.parse(text, as: .date) else { return nil }
        self.text = text
        self.parts = parts
    }

    public init(validating text: String) throws(FHIRJSONError) {
        guard let date = FHIRDate(text) else {
            throw FHIRJSONError(kind: .invalidValue, message: "\"\(text)\" is not a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        self = date
    }

    /// Nil when the parts do not make a date (month 13, 30 February, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year), day == nil || month != nil else { return nil }
        var text = FHIRTemporalText.pad(year, 4)
        if let month { text += "-" + FHIRTemporalText.pad(month, 2) }
        if let day { text += "-" + FHIRTemporalText.pad(day, 2) }
        self.init(text)
    }

    public var year: Int { parts.year }
    public var month: Int? { parts.month }
    public var day: Int? { parts.day }

    public var precision: Precision {
        if parts.day != nil { return .day }
        return parts.month != nil ? .month : .year
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try FHIRDate(validating: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
