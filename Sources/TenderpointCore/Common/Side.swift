/// Laterality of a bilateral site or muscle.
public enum Side: String, CaseIterable, Codable, Sendable, Hashable {
    case left, right
}
