import TenderpointCore
import Vapor

/// `limit` and `offset` of every list route (API-CONTRACT.md, "safety and hardening"): limit
/// 1–500 and offset 0–1,000,000, else a 422 naming the field, never a silent clamp. Bounded
/// here, `offset + limit` cannot overflow when a route turns them into a range of rows.
struct Paging: Sendable, Equatable {
    static let limits = 1...500
    static let offsets = 0...1_000_000

    let limit: Int
    let offset: Int

    /// The rows to read, for Fluent's `range(_:)`.
    var rows: Range<Int> { offset..<(offset + limit) }

    /// Reads the query string's texts; both problems are reported together.
    init(limit limitText: String?, offset offsetText: String?, defaultLimit: Int) throws(Problems) {
        var problems: [Problem] = []
        func read(_ text: String?, _ field: String, _ range: ClosedRange<Int>, default value: Int) -> Int {
            guard let text else { return value }
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
                problems.append(Problem(.valueOutOfRange,
                                        "\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound.groupedDigits).",
                                        field: field))
                return value
            }
            return number
        }
        limit = read(limitText, "limit", Self.limits, default: min(max(defaultLimit, Self.limits.lowerBound), Self.limits.upperBound))
        offset = read(offsetText, "offset", Self.offsets, default: 0)
        guard problems.isEmpty else { throw Problems(problems) }
    }
}

extension Request {
    /// The request's `limit` and `offset` query parameters, checked; `defaultLimit` when no
    /// limit is given.
    func paging(defaultLimit: Int = 50) throws -> Paging {
        try Paging(limit: query[String.self, at: "limit"], offset: query[String.self, at: "offset"], defaultLimit: defaultLimit)
    }

    /// `paging(defaultLimit:)` as a pair, for routes that keep `limit` and `offset` as locals.
    func pageBounds(defaultLimit: Int = 50) throws -> (limit: Int, offset: Int) {
        let paging = try paging(defaultLimit: defaultLimit)
        return (paging.limit, paging.offset)
    }
}

private extension Int {
    /// 1000000 as "1,000,000", without Foundation's locale-dependent formatters.
    var groupedDigits: String {
        let digits = String(self.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (self < 0 ? "-" : "") + grouped
    }
}
