import TenderpointCore

/// NHS numbers for demo patients from the range reserved for testing (starting 999), each with a
/// valid modulus-11 check digit as the core's `NHSNumber` computes it, and different for every
/// patient: patient `index` takes the first valid number of its own block of four.
enum DemoNHSNumber {
    static let blockSize = 4
    /// 999 000 000 to 999 999 999 as the first nine digits: room for 250 000 patients.
    static let capacity = 1_000_000 / blockSize

    static func number(for index: Int) -> String {
        precondition(index >= 0 && index < capacity, "the 999 test range holds \(capacity) demo patients")
        for candidate in (index * blockSize)..<((index + 1) * blockSize) {
            let body = String(999_000_000 + candidate)
            for check in 0...9 where NHSNumber(body + String(check)) != nil {
                return body + String(check)
            }
        }
        // Every block of four in the range has a valid number (checked for all 250 000 blocks).
        preconditionFailure("no valid NHS number in block \(index)")
    }
}
