/// Holds a value out of line so two element types can contain each other
/// (`Identifier.assigner` is a `Reference`, `Reference.identifier` an `Identifier`).
/// Encodes as the value itself.
indirect enum Indirect<Wrapped: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    case value(Wrapped)

    var wrapped: Wrapped {
        switch self { case .value(let value): value }
    }

    init(from decoder: any Decoder) throws {
        self = .value(try Wrapped(from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try wrapped.encode(to: encoder)
    }
}
