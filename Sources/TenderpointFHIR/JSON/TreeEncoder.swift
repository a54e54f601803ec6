import Foundation

/// The `Encoder` behind `FHIRJSON.encode`: builds an `EncodingNode` tree in which `FHIRDecimal`
/// keeps its text and `Decimal` is written as a plain number, never as a keyed structure.
struct TreeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: EncodingNode.Object
        if case .object(let existing) = node.content {
            object = existing
        } else {
            object = EncodingNode.Object()
            node.content = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: EncodingNode.Array
        if case .array(let existing) = node.content {
            array = existing
        } else {
            array = EncodingNode.Array()
            node.content = .array(array)
        }
        return UnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }

    static func encode<T: Encodable>(_ value: T, into node: EncodingNode, codingPath: [any CodingKey]) throws {
        switch value {
        case let decimal as FHIRDecimal: node.content = .scalar(.number(decimal.text))
        case let decimal as Decimal: node.content = .scalar(.number(FHIRDecimal(decimal).text))
        default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        }
    }

    static func number<T: BinaryInteger>(_ value: T) -> FHIRJSONValue { .number(String(value)) }

    static func number<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T, codingPath: [any CodingKey]) throws -> FHIRJSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "JSON has no \(value)"))
        }
        return .number(value.description)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: EncodingNode.Object
    let codingPath: [any CodingKey]

    private func set(_ value: FHIRJSONValue, _ key: Key) { object.replacing(key.stringValue).content = .scalar(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try TreeEncoder.number(value, codingPath: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try TreeEncoder.number(value, codingPath: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(TreeEncoder.number(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(TreeEncoder.number(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try TreeEncoder.encode(value, into: object.replacing(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: object.existing(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: object.existing(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: object.existing("super"), codingPath: codingPath + [FHIRCodingKey("super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: object.existing(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: EncodingNode.Array
    let codingPath: [any CodingKey]
    var count: Int { array.items.count }

    private var nextPath: [any CodingKey] { codingPath + [FHIRCodingKey(index: array.items.count)] }
    private func append(_ value: FHIRJSONValue) { array.append().content = .scalar(value) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(try TreeEncoder.number(value, codingPath: nextPath)) }
    mutating func encode(_ value: Float) throws { append(try TreeEncoder.number(value, codingPath: nextPath)) }
    mutating func encode(_ value: Int) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: Int8) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: Int16) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: Int32) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: Int64) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt8) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt16) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt32) throws { append(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt64) throws { append(TreeEncoder.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try TreeEncoder.encode(value, into: array.append(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        return TreeEncoder(node: array.append(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return TreeEncoder(node: array.append(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return TreeEncoder(node: array.append(), codingPath: path)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    private func set(_ value: FHIRJSONValue) { node.content = .scalar(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try TreeEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { set(try TreeEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: Int8) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: Int16) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: Int32) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: Int64) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt8) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt16) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt32) throws { set(TreeEncoder.number(value)) }
    mutating func encode(_ value: UInt64) throws { set(TreeEncoder.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try TreeEncoder.encode(value, into: node, codingPath: codingPath)
    }
}
