import Foundation

/// A FHIR `decimal` that keeps the precision it was written with: `1.50` is read, stored and
/// written as `1.50` (FHIR treats trailing zeros as significant). Equality compares the text, so
/// `1.5` and `1.50` differ; compare `decimal` for numeric equality.
///
/// `FHIRJSON` writes the text verbatim as a JSON number. Other encoders (`JSONEncoder`) get the
/// `Decimal`, which drops trailing zeros: use `FHIRJSON` for FHIR output.
public struct FHIRDecimal: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The number as written, matching `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    public let text: String

    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        self.text = text
    }

    public init(validating text: String) throws(FHIRJSONError) {
        guard Self.isValid(text) else {
            throw FHIRJSONError(kind: .invalidValue, message: "\"\(text)\" is not a FHIR decimal")
        }
        self.text = text
    }

    /// The shortest text for `value` (`Decimal` keeps no trailing zeros). `value` must be a number.
    public init(_ value: Decimal) {
        precondition(!value.isNaN, "a FHIR decimal is a number")
        let text = value.description
        precondition(Self.isValid(text), "Decimal wrote \(text)")
        self.text = text
    }

    /// `value` rounded half away from zero to exactly `fractionDigits` digits after the point:
    /// `FHIRDecimal(Decimal(3), fractionDigits: 1)` is `3.0`.
    public init(_ value: Decimal, fractionDigits: Int) {
        precondition(fractionDigits >= 0)
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, fractionDigits, .plain)
        var text = FHIRDecimal(rounded).text
        if fractionDigits > 0 {
            let written = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
            if written < 0 { text += "." }
            text += String(repeating: "0", count: fractionDigits - max(written, 0))
        }
        self.text = text
    }

    public init(_ value: Int) {
        text = String(value)
    }

    public init(integerLiteral value: Int) {
        self.init(value)
    }

    public var decimal: Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        if let tree = decoder as? TreeDecoder {
            guard case .number(let text) = tree.value else {
                throw TreeDecoder.mismatch(FHIRDecimal.self, "a number", tree.value, decoder.codingPath)
            }
            self.text = text
        } else {
            self = FHIRDecimal(try decoder.singleValueContainer().decode(Decimal.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if let tree = encoder as? TreeEncoder {
            tree.node.content = .scalar(.number(text))
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(decimal)
        }
    }

    static func isValid(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digitCount(_ bytes: inout Substring.UTF8View) -> Int {
            let count = bytes.prefix(while: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }).count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integerStart = bytes.first
        let integerDigits = digitCount(&bytes)
        guard integerDigits > 0, integerStart != UInt8(ascii: "0") || integerDigits == 1 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digitCount(&bytes) > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digitCount(&bytes) > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
