/// The object members a `TreeDecoder` has read, by path, so that after decoding every member
/// nobody asked for can be reported as an unknown element instead of being dropped in silence.
final class DecodingLog {
    private(set) var readPaths = Set<String>()

    func read(_ path: String) { readPaths.insert(path) }

    /// Paths of members never read, outermost first (an unread member's children are not listed).
    func unreadPaths(in value: FHIRJSONValue, at path: String = "") -> [String] {
        switch value {
        case .object(let members):
            return members.flatMap { member -> [String] in
                let memberPath = FHIRPath.member(member.key, of: path)
                return readPaths.contains(memberPath) ? unreadPaths(in: member.value, at: memberPath) : [memberPath]
            }
        case .array(let items):
            return items.enumerated().flatMap { unreadPaths(in: $0.element, at: FHIRPath.element($0.offset, of: path)) }
        default:
            return []
        }
    }
}
