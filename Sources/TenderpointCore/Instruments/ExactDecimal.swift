import Foundation

/// Reads a `Double` as the shortest decimal that round-trips to it, which is the number a person
/// typed (2.1, not 2.100000000000000088…). Percentage thresholds compared on these decimals hold
/// exactly at their boundaries: 3 → 2.1 is a 30 % reduction, as entered.
enum ExactDecimal {
    /// Nil for NaN and infinities.
    static func of(_ value: Double) -> Decimal? {
        guard value.isFinite else { return nil }
        return Decimal(string: value.description, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The nearest `Double`, parsed from the decimal's text so it is correctly rounded.
    static func double(_ value: Decimal) -> Double {
        Double(value.description) ?? Double.nan
    }
}
