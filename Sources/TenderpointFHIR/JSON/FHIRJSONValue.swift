/// A JSON value whose numbers keep the exact text they were written with, so a FHIR `decimal`
/// such as `1.50` survives a read and a write unchanged. Objects keep their members in order;
/// equality ignores member order (JSON objects are unordered) but not number text.
public enum FHIRJSONValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    /// The number as written: valid JSON number grammar, which is also FHIR's `decimal` grammar.
    case number(String)
    case string(String)
    case array([FHIRJSONValue])
    case object([(key: String, value: FHIRJSONValue)])

    /// The member named `key` of an object, nil for a missing member or a non-object.
    public subscript(key: String) -> FHIRJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index` of an array, nil when out of range or not an array.
    public subscript(index: Int) -> FHIRJSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The member names of an object, in order; empty for any other value.
    public var keys: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.key)
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    public var description: String {
        String(decoding: FHIRJSONWriter.write(self, prettyPrinted: false), as: UTF8.self)
    }

    public static func == (lhs: FHIRJSONValue, rhs: FHIRJSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            var right: [String: FHIRJSONValue] = [:]
            for member in b { right[member.key] = member.value }
            return a.allSatisfy { right[$0.key] == $0.value }
        default: return false
        }
    }
}
