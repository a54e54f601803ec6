/// An NHS number (England, Wales, Isle of Man): 10 digits whose last is a modulus-11 check digit.
public struct NHSNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 10 digits, no spaces.
    public let digits: String

    /// Accepts `943 476 5919`, `943-476-5919` or `9434765919`; nil when the check digit is wrong.
    public init?(_ text: String) {
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let values = digits.compactMap(\.wholeNumberValue)
        // Weights 10 down to 2 on the first nine digits; check = 11 − (sum mod 11), 11 → 0, 10 invalid.
        let sum = zip(values.prefix(9), stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        guard check != 10, check == values[9] else { return nil }
        self.digits = digits
    }

    public static let system = "https://fhir.nhs.uk/Id/nhs-number"

    /// Grouped 3-3-4 as printed on NHS cards.
    public var formatted: String {
        let characters = Array(digits)
        return String(characters[0..<3]) + " " + String(characters[3..<6]) + " " + String(characters[6..<10])
    }

    public var description: String { formatted }
}
