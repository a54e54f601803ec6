/// A FHIR choice element (`value[x]`, `effective[x]`): one of several types, written as one JSON
/// member whose name is the element's prefix and the type's name (`valueQuantity`). Choices are
/// read from, and written into, the object of the element that holds them.
protocol FHIRChoice: Hashable, Sendable {
    /// The type names this subset supports, as they follow the prefix (`Quantity`, `String`).
    static var typeNames: [String] { get }
    init(typeName: String, container: KeyedDecodingContainer<FHIRCodingKey>, key: FHIRCodingKey) throws
    func encode(into container: inout KeyedEncodingContainer<FHIRCodingKey>, prefix: String) throws
}

extension FHIRChoice {
    /// The choice present in the object `decoder` reads, or nil when none is; more than one is an error.
    static func decode(from decoder: any Decoder, prefix: String) throws -> Self? {
        let container = try decoder.container(keyedBy: FHIRCodingKey.self)
        let present = typeNames.filter { container.contains(FHIRCodingKey(prefix + $0)) }
        guard let typeName = present.first else { return nil }
        guard present.count == 1 else {
            let names = present.map { prefix + $0 }.joined(separator: ", ")
            let error = FHIRJSONError(kind: .invalidValue, message: "Only one of \(names) may be present (\(prefix)[x] is a choice)")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
        return try Self(typeName: typeName, container: container, key: FHIRCodingKey(prefix + typeName))
    }

    /// As `decode(from:prefix:)`, for a choice of cardinality 1..1.
    static func decodeRequired(from decoder: any Decoder, prefix: String) throws -> Self {
        guard let value = try decode(from: decoder, prefix: prefix) else {
            let key = FHIRCodingKey(prefix + "[x]")
            throw DecodingError.keyNotFound(key, .init(codingPath: decoder.codingPath,
                                                       debugDescription: "One of \(typeNames.map { prefix + $0 }.joined(separator: ", ")) is required"))
        }
        return value
    }

    func encode(to encoder: any Encoder, prefix: String) throws {
        var container = encoder.container(keyedBy: FHIRCodingKey.self)
        try encode(into: &container, prefix: prefix)
    }
}
