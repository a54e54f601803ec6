import Foundation

/// Reads a `Double` as the shortest decimal that round-trips to it, which is the number a person
/// typed (2.1, not 2.100000000000000088…). Percentage thresholds compared on these decimals hold
/// exactly at their boundaries: 3 → 2.1 is a 30 % reduction, as entered.
enum ExactDecimal {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Nil for NaN and infinities. The digits of `value.description` (Swift's shortest
    /// round-trip text, at most 17 significant digits) become the decimal's significand directly:
    /// the same number `Decimal(string:)` reads, without its general scanner, which was a fifth of
    /// the outcome report's time (the responder rule runs several times per session).
    static func of(_ value: Double) -> Decimal? {
        guard value.isFinite else { return nil }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        var exponent = 0
        var negative = false
        var text = value.description
        let parsed: Bool = text.withUTF8 { bytes in
            var index = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard digits < 19 else { return false }
                    significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                    if significand > 0 { digits += 1 }
                    if inFraction { fractionDigits += 1 }
                case UInt8(ascii: "."):
                    inFraction = true
                case UInt8(ascii: "e"), UInt8(ascii: "E"):
                    guard let power = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)...]), as: UTF8.self))
                    else { return false }
                    exponent = power
                    index = bytes.count
                    continue
                default:
                    return false
                }
                index += 1
            }
            return true
        }
        // Beyond Decimal's exponent range (±128) Foundation's own answer (nil) is kept.
        guard parsed, (-100...100).contains(exponent - fractionDigits) else { return Decimal(string: value.description, locale: posix) }
        return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: exponent - fractionDigits,
                       significand: Decimal(significand))
    }

    /// The nearest `Double`, parsed from the decimal's text so it is correctly rounded.
    static func double(_ value: Decimal) -> Double {
        Double(value.description) ?? Double.nan
    }
}
