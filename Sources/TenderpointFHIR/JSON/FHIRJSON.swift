import Foundation

/// Reads and writes FHIR R4 JSON for the types of this module (any `Codable` type works).
///
/// Written output is what FHIR asks for and what `JSONEncoder` cannot give: `decimal` values
/// exactly as written (`1.50` stays `1.50`), no `null`, no empty strings, arrays or objects,
/// members in the order the type encodes them (`resourceType` first), and valid UTF-8 JSON.
/// Compact output holds no line breaks, so each resource is one NDJSON line for bulk export.
public enum FHIRJSON {
    /// What to do with object members the decoded type does not read.
    public enum UnknownElements: Sendable {
        /// Fail with `FHIRJSONError.Kind.unknownElement`: nothing is dropped in silence.
        case reject
        /// Skip them (for reading other systems' resources, which may carry `text`, primitive
        /// extensions such as `_birthDate`, or elements outside this subset).
        case ignore
    }

    // MARK: writing

    public static func encode<T: Encodable>(_ value: T, prettyPrinted: Bool = false) throws(FHIRJSONError) -> Data {
        Data(try encodeBytes(value, prettyPrinted: prettyPrinted))
    }

    public static func encodeBytes<T: Encodable>(_ value: T, prettyPrinted: Bool = false) throws(FHIRJSONError) -> [UInt8] {
        FHIRJSONWriter.write(try self.value(of: value), prettyPrinted: prettyPrinted)
    }

    public static func encodeString<T: Encodable>(_ value: T, prettyPrinted: Bool = false) throws(FHIRJSONError) -> String {
        String(decoding: try encodeBytes(value, prettyPrinted: prettyPrinted), as: UTF8.self)
    }

    /// The JSON tree `value` encodes to, already pruned of empty elements.
    public static func value<T: Encodable>(of value: T) throws(FHIRJSONError) -> FHIRJSONValue {
        let root = EncodingNode()
        do {
            try TreeEncoder.encode(value, into: root, codingPath: [])
        } catch {
            throw describe(error)
        }
        if let pruned = root.prunedValue() { return pruned }
        if case .array = root.content { return .array([]) }
        return .object([])
    }

    public static func serialize(_ value: FHIRJSONValue, prettyPrinted: Bool = false) -> Data {
        Data(FHIRJSONWriter.write(value, prettyPrinted: prettyPrinted))
    }

    // MARK: reading

    public static func parse(_ data: Data) throws(FHIRJSONError) -> FHIRJSONValue {
        try FHIRJSONParser.parse(Array(data))
    }

    public static func parse(_ text: String) throws(FHIRJSONError) -> FHIRJSONValue {
        try FHIRJSONParser.parse(Array(text.utf8))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, unknownElements: UnknownElements = .reject) throws(FHIRJSONError) -> T {
        try decode(type, from: parse(data), unknownElements: unknownElements)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String, unknownElements: UnknownElements = .reject) throws(FHIRJSONError) -> T {
        try decode(type, from: parse(text), unknownElements: unknownElements)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from value: FHIRJSONValue, unknownElements: UnknownElements = .reject) throws(FHIRJSONError) -> T {
        let log = DecodingLog()
        let root = value["resourceType"]?.stringValue
        let decoded: T
        do {
            decoded = try TreeDecoder(value: value, codingPath: [], path: "", log: log).decode(type)
        } catch {
            throw describe(error, root: root)
        }
        if unknownElements == .reject {
            let unread = log.unreadPaths(in: value)
            if let first = unread.first {
                let names = unread.map { "\"\(qualified($0, root: root))\"" }.joined(separator: ", ")
                throw FHIRJSONError(kind: .unknownElement,
                                    message: "Unknown element\(unread.count == 1 ? "" : "s") \(names)",
                                    path: qualified(first, root: root))
            }
        }
        return decoded
    }

    // MARK: errors

    /// Turns any error from encoding or decoding (Codable's own, or this module's) into a
    /// `FHIRJSONError` with a FHIRPath-style location. `root` is the resource type to start the
    /// path with.
    public static func describe(_ error: any Error, root: String? = nil) -> FHIRJSONError {
        switch error {
        case let error as FHIRJSONError:
            return error
        case DecodingError.keyNotFound(let key, let context):
            return FHIRJSONError(kind: .missingElement, message: "Missing required element \"\(key.stringValue)\"",
                                 path: FHIRPath.text(of: context.codingPath + [key], root: root))
        case DecodingError.valueNotFound(_, let context):
            return FHIRJSONError(kind: .missingElement, message: "A value is required: \(context.debugDescription)",
                                 path: FHIRPath.text(of: context.codingPath, root: root))
        case DecodingError.typeMismatch(_, let context):
            return FHIRJSONError(kind: .typeMismatch, message: context.debugDescription,
                                 path: FHIRPath.text(of: context.codingPath, root: root))
        case DecodingError.dataCorrupted(let context):
            let path = FHIRPath.text(of: context.codingPath, root: root)
            if let underlying = context.underlyingError as? FHIRJSONError { return underlying.located(at: path) }
            return FHIRJSONError(kind: .invalidValue, message: context.debugDescription, path: path)
        case EncodingError.invalidValue(_, let context):
            return FHIRJSONError(kind: .unencodable, message: context.debugDescription,
                                 path: FHIRPath.text(of: context.codingPath, root: root))
        default:
            return FHIRJSONError(kind: .invalidValue, message: String(describing: error))
        }
    }

    private static func qualified(_ path: String, root: String?) -> String {
        guard let root else { return path }
        return path.hasPrefix("[") ? root + path : root + "." + path
    }
}
