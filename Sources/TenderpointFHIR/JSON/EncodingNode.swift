/// One place in the tree a `TreeEncoder` is building. A reference type because Codable hands out
/// containers that keep writing into a node after the call that made them has returned.
final class EncodingNode {
    final class Object {
        var order: [String] = []
        var members: [String: EncodingNode] = [:]

        /// A fresh node for `key`; writing a member twice keeps its first position, last value.
        func replacing(_ key: String) -> EncodingNode {
            let node = EncodingNode()
            if members.updateValue(node, forKey: key) == nil { order.append(key) }
            return node
        }

        /// The node already at `key`, or a new one: nested containers for one key share it.
        func existing(_ key: String) -> EncodingNode {
            if let node = members[key] { return node }
            return replacing(key)
        }
    }

    final class Array {
        var items: [EncodingNode] = []

        func append() -> EncodingNode {
            let node = EncodingNode()
            items.append(node)
            return node
        }
    }

    enum Content {
        case empty
        case scalar(FHIRJSONValue)
        case object(Object)
        case array(Array)
    }

    var content: Content = .empty

    /// The value with everything FHIR forbids removed: nulls, empty strings, empty arrays and
    /// objects left empty once their own empty members are gone. Nil when nothing remains.
    func prunedValue() -> FHIRJSONValue? {
        switch content {
        case .empty, .scalar(.null): return nil
        case .scalar(.string(let text)) where text.isEmpty: return nil
        case .scalar(let value): return value
        case .object(let object):
            var members: [(key: String, value: FHIRJSONValue)] = []
            members.reserveCapacity(object.order.count)
            for key in object.order {
                if let value = object.members[key]?.prunedValue() { members.append((key, value)) }
            }
            return members.isEmpty ? nil : .object(members)
        case .array(let array):
            let items = array.items.compactMap { $0.prunedValue() }
            return items.isEmpty ? nil : .array(items)
        }
    }
}
