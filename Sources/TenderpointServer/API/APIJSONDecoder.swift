import Foundation
import NIOCore
import TenderpointFHIR
import Vapor

/// The API's JSON body decoder: Foundation's `JSONDecoder`, and a second reading when that fails
/// without saying where.
///
/// Foundation reports a number that does not fit its field (3.5 or 1e19 where a whole number
/// belongs, -1 for an unsigned field, 1e400 anywhere) as "The given data was not valid JSON"
/// with no coding path, so a client could not tell a typo in the JSON from an FIQR answer of
/// 3.5. When the body is in fact valid JSON, `LocatingJSONDecoder` reads it again into the same
/// type and names the field (`answers[4]`), and the API answers 422 naming it
/// (API-CONTRACT.md, "safety and hardening"). Malformed JSON still fails with no field: 400.
struct APIJSONDecoder: ContentDecoder {
    let base: JSONDecoder

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
                              userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        do {
            return try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            let data = body.getData(at: body.readerIndex, length: body.readableBytes) ?? Data()
            guard let tree = try? FHIRJSON.parse(data) else { throw DecodingError.dataCorrupted(context) }
            var info: [CodingUserInfoKey: Any] = [:]
            for (key, value) in base.userInfo { info[key] = value }
            for (key, value) in userInfo { info[key] = value }
            let locating = LocatingJSONDecoder(value: tree, codingPath: [], userInfo: info,
                                               dateDecoding: Self.dateDecoding(base.dateDecodingStrategy))
            _ = try locating.decode(D.self)
            // Both readers ought to agree; if the second accepts what the first refused, the body
            // is still valid JSON, so the refusal is about a value, not the syntax.
            throw DecodingError.dataCorrupted(.init(
                codingPath: [], debugDescription: "A value in the body does not fit its field.",
                underlyingError: BodyValueError(phrase: "does not fit its field (a number too large, or a fraction where a whole number belongs)")))
        }
    }

    private static func dateDecoding(_ strategy: JSONDecoder.DateDecodingStrategy) -> (@Sendable (any Decoder) throws -> Date)? {
        if case .custom(let closure) = strategy { return closure }
        return nil
    }
}

/// Why a well-formed JSON value was refused, carried as a `DecodingError`'s underlying error so
/// `APIErrorMiddleware` answers `value_out_of_range` for it.
struct BodyValueError: Error, Sendable {
    /// What is wrong, to follow the field's name: "must be a whole number, not 3.5".
    let phrase: String
}

/// Reads a parsed JSON tree into a `Decodable` type as Foundation's `JSONDecoder` does (the
/// API's date strategy included), but every refusal carries the coding path of the value.
/// Numbers are read from their exact text, so no value is rounded or wrapped on the way.
struct LocatingJSONDecoder: Decoder {
    let value: FHIRJSONValue
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    let dateDecoding: (@Sendable (any Decoder) throws -> Date)?

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: Any].self, "an object") }
        return KeyedDecodingContainer(LocatingKeyedContainer<Key>(members: members, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self, "an array") }
        return LocatingUnkeyedContainer(items: items, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { LocatingSingleValueContainer(decoder: self) }

    func child(_ value: FHIRJSONValue, key: any CodingKey) -> LocatingJSONDecoder {
        LocatingJSONDecoder(value: value, codingPath: codingPath + [key], userInfo: userInfo, dateDecoding: dateDecoding)
    }

    // MARK: values

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Date.self, let dateDecoding {
            return try dateDecoding(self) as! T
        }
        if type == Decimal.self {
            return try decimal() as! T
        }
        return try T(from: self)
    }

    func isNull() -> Bool {
        if case .null = value { return true }
        return false
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, "true or false") }
        return flag
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, "text") }
        return text
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let text) = value else { throw mismatch(type, "a number") }
        switch JSONWholeNumber.read(text, as: type) {
        case .value(let number):
            return number
        case .fraction:
            throw refusal("must be a whole number, not \(text)")
        case .outOfRange:
            throw refusal("is out of range: \(text)")
        }
    }

    func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard case .number(let text) = value else { throw mismatch(type, "a number") }
        guard let number = T(text), number.isFinite else { throw refusal("is out of range: \(text)") }
        return number
    }

    func decimal() throws -> Decimal {
        guard case .number(let text) = value else { throw mismatch(Decimal.self, "a number") }
        guard let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !number.isNaN else {
            throw refusal("is out of range: \(text)")
        }
        return number
    }

    private func refusal(_ phrase: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: phrase,
                                          underlyingError: BodyValueError(phrase: phrase)))
    }

    func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        let found: String
        switch value {
        case .null: found = "null"
        case .bool: found = "true or false"
        case .number: found = "a number"
        case .string: found = "text"
        case .array: found = "an array"
        case .object: found = "an object"
        }
        if case .null = value {
            return DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected \(expected) but found null."))
        }
        return DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(expected) but found \(found)."))
    }
}

/// A JSON number read as a whole number of a fixed-width type, from its exact text:
/// `100`, `1.0`, `1e2` and `-0` are whole; `3.5` is not; `1e19` is out of range of `Int`.
enum JSONWholeNumber<T: FixedWidthInteger> {
    case value(T)
    case fraction
    case outOfRange

    /// Longer than any fixed-width integer's digits: past this the value is out of range.
    private static var digitLimit: Int { 40 }

    static func read(_ text: String, as type: T.Type) -> JSONWholeNumber<T> {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let integerPart = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(integerPart.count)
        var fractionPart: Substring = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            fractionPart = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fractionPart.count)
        }
        var exponent = 0
        if let marker = rest.first, marker == "e" || marker == "E" {
            rest = rest.dropFirst()
            let exponentNegative = rest.first == "-"
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            let exponentDigits = rest.drop { $0 == "0" }
            // A longer exponent is beyond every integer, or far below 1.
            guard exponentDigits.count <= 6, let magnitude = Int(exponentDigits.isEmpty ? "0" : exponentDigits) else {
                return significantDigits(integerPart + fractionPart).isEmpty ? .value(0) : (exponentNegative ? .fraction : .outOfRange)
            }
            exponent = exponentNegative ? -magnitude : magnitude
        }
        var digits = significantDigits(integerPart + fractionPart)
        if digits.isEmpty { return .value(0) }
        exponent -= fractionPart.count
        if exponent < 0 {
            let dropped = digits.suffix(-exponent)
            guard dropped.count == -exponent, dropped.allSatisfy({ $0 == "0" }) else { return .fraction }
            digits.removeLast(-exponent)
        } else if exponent > 0 {
            guard digits.count + exponent <= digitLimit else { return .outOfRange }
            digits += String(repeating: "0", count: exponent)
        }
        guard digits.count <= digitLimit, let number = T(negative ? "-" + digits : digits) else { return .outOfRange }
        return .value(number)
    }

    /// The digits without leading zeros ("" for zero).
    private static func significantDigits(_ digits: Substring) -> String {
        String(digits.drop { $0 == "0" })
    }
}

private struct LocatingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: FHIRJSONValue)]
    let decoder: LocatingJSONDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { members.contains { $0.key == key.stringValue } }

    private func child(_ key: Key) throws -> LocatingJSONDecoder {
        guard let value = members.last(where: { $0.key == key.stringValue })?.value else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value for \(key.stringValue)."))
        }
        return decoder.child(value, key: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).isNull() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).floatingPoint(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).floatingPoint(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).integer(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).integer(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "No \"super\" member."))
        }
        return try child(key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct LocatingIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct LocatingUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [FHIRJSONValue]
    let decoder: LocatingJSONDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    private(set) var currentIndex = 0

    init(items: [FHIRJSONValue], decoder: LocatingJSONDecoder) {
        self.items = items
        self.decoder = decoder
    }

    private mutating func next() throws -> LocatingJSONDecoder {
        let key = LocatingIndexKey(index: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [key], debugDescription: "The array has no element \(currentIndex)."))
        }
        let child = decoder.child(items[currentIndex], key: key)
        currentIndex += 1
        return child
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = items[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().floatingPoint(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().floatingPoint(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct LocatingSingleValueContainer: SingleValueDecodingContainer {
    let decoder: LocatingJSONDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull() }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floatingPoint(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floatingPoint(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
}

extension JSONWholeNumber: Equatable {}
extension JSONWholeNumber: Sendable where T: Sendable {}
