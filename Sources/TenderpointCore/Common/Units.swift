import Foundation

/// An amount of toxin in the units of one product, stored exactly as whole tenths of a unit.
///
/// `Units` carries no product: it is only ever added to units of the same product through
/// `ProductDose`, which refuses to mix products. Doses are never binary floating point.
public struct Units: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let tenths: Int

    public init(tenths: Int) { self.tenths = tenths }
    /// Whole units; saturates rather than trapping on an absurd value (it is then refused by
    /// every limit, as nothing is allowed near `maximum`).
    public init(_ whole: Int) {
        let (value, overflow) = whole.multipliedReportingOverflow(by: 10)
        self.tenths = overflow ? (whole < 0 ? Int.min : Int.max) : value
    }

    /// The most any amount typed or stored may be: far above every vial (10,000 U) and limit,
    /// so no real dose is refused, yet sums of any number of such amounts stay far from
    /// `Int.max`. Values from outside above it are refused where they enter.
    public static let maximum = Units(tenths: 100_000_000)

    /// Exact conversion from a decimal amount; nil when it is not a whole number of tenths
    /// (12.55 U), is negative, or is above `maximum` (1e19 U is refused, never wrapped).
    public init?(exactly amount: Decimal) {
        guard amount >= 0, !amount.isNaN, amount <= Units.maximum.decimal else { return nil }
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

    /// Sums saturate at `Int.max` / `Int.min` instead of trapping: a trap would stop the whole
    /// server, and a saturated total is above every limit, so it is refused as it should be.
    public static func + (lhs: Units, rhs: Units) -> Units {
        let (sum, overflow) = lhs.tenths.addingReportingOverflow(rhs.tenths)
        return Units(tenths: overflow ? (rhs.tenths > 0 ? Int.max : Int.min) : sum)
    }

    public static func - (lhs: Units, rhs: Units) -> Units {
        let (difference, overflow) = lhs.tenths.subtractingReportingOverflow(rhs.tenths)
        return Units(tenths: overflow ? (rhs.tenths < 0 ? Int.max : Int.min) : difference)
    }

    /// The sum of many amounts, saturating as `+` does.
    public static func sum(_ amounts: some Sequence<Units>) -> Units { amounts.reduce(.zero, +) }
    public static func < (lhs: Units, rhs: Units) -> Bool { lhs.tenths < rhs.tenths }
}

extension Units: Codable {
    /// JSON carries units as a plain number (12.5).
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let amount = try container.decode(Decimal.self)
        guard let units = Units(exactly: amount) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "units must be a number from 0 to \(Units.maximum.plain) in steps of 0.1")
        }
        self = units
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimal)
    }
}
