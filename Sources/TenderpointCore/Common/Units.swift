import Foundation

/// An amount of toxin in the units of one product, stored exactly as whole tenths of a unit.
///
/// `Units` carries no product: it is only ever added to units of the same product through
/// `ProductDose`, which refuses to mix products. Doses are never binary floating point.
public struct Units: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let tenths: Int

    public init(tenths: Int) { self.tenths = tenths }
    public init(_ whole: Int) { self.tenths = whole * 10 }

    /// Exact conversion from a decimal amount; nil when it is not a whole number of tenths
    /// (12.55 U) or is negative.
    public init?(exactly amount: Decimal) {
        guard amount >= 0 else { return nil }
        var scaled = amount * 10
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled, let value = Int(exactly: NSDecimalNumber(decimal: rounded).int64Value) else { return nil }
        self.tenths = value
    }

    public static let zero = Units(tenths: 0)

    public var decimal: Decimal { Decimal(tenths) / 10 }

    public var description: String {
        tenths % 10 == 0 ? "\(tenths / 10) U" : "\(tenths / 10).\(abs(tenths % 10)) U"
    }

    /// The amount without the unit symbol ("12.5").
    public var plain: String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }

    public static func + (lhs: Units, rhs: Units) -> Units { Units(tenths: lhs.tenths + rhs.tenths) }
    public static func - (lhs: Units, rhs: Units) -> Units { Units(tenths: lhs.tenths - rhs.tenths) }
    public static func < (lhs: Units, rhs: Units) -> Bool { lhs.tenths < rhs.tenths }
}

extension Units: Codable {
    /// JSON carries units as a plain number (12.5).
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let amount = try container.decode(Decimal.self)
        guard let units = Units(exactly: amount) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "units must be ≥ 0 in steps of 0.1")
        }
        self = units
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimal)
    }
}
