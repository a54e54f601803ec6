/// A code from a FHIR value set with a required binding: decoding any other code fails with a
/// message that lists the allowed codes, instead of Codable's generic one.
public protocol FHIRValueSetCode: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {}

extension FHIRValueSetCode {
    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: code) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: " | ")
            let error = FHIRJSONError(kind: .invalidValue, message: "\"\(code)\" is not one of the required codes: \(allowed)")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
