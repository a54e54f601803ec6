import Foundation
import TenderpointCore

/// Which treatment sessions an outcome report covers: session dates `from` … `to` (inclusive),
/// one product, a dose band of that product, one injector. The same filter for the JSON report,
/// the CSV and `tenderpoint report`, so their rows are the same.
struct OutcomeFilter: Sendable, Equatable {
    var from: CalendarDate?
    var to: CalendarDate?
    var product: ToxinProduct?
    /// Session totals from `minimumUnits` to `maximumUnits`, inclusive, in `product`'s units.
    var minimumUnits: Units?
    var maximumUnits: Units?
    /// The user who injected (`treatment_sessions.injector_id`).
    var injector: UUID?

    /// The query parameters (and command-line options) by name.
    struct Text: Decodable, Sendable {
        var from: String?
        var to: String?
        var product: String?
        var minUnits: String?
        var maxUnits: String?
        var injector: String?
    }

    /// Every problem at once, each naming its parameter. A dose band needs a product: units of
    /// different products are never comparable (DOMAIN.md §2).
    init(_ text: Text) throws {
        var problems: [Problem] = []
        func date(_ value: String?, _ field: String) -> CalendarDate? {
            guard let value else { return nil }
            guard let parsed = CalendarDate(iso: value) else {
                problems.append(Problem(.invalidDate, "\(field) must be a date YYYY-MM-DD, not '\(value)'.", field: field))
                return nil
            }
            return parsed
        }
        func units(_ value: String?, _ field: String) -> Units? {
            guard let value else { return nil }
            guard let amount = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")),
                  value.allSatisfy({ $0.isNumber || $0 == "." }), let parsed = Units(exactly: amount) else {
                problems.append(Problem(.invalidValue, "\(field) must be a number of units ≥ 0 in steps of 0.1, not '\(value)'.",
                                        field: field))
                return nil
            }
            return parsed
        }
        from = date(text.from, "from")
        to = date(text.to, "to")
        if let from, let to, to < from {
            problems.append(Problem(.invalidDate, "to (\(to)) is before from (\(from)).", field: "to"))
        }
        if let name = text.product {
            product = ToxinProduct(rawValue: name)
            if product == nil {
                problems.append(Problem(.unknownIdentifier,
                                        "product must be one of \(ToxinProduct.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'.",
                                        field: "product"))
            }
        }
        minimumUnits = units(text.minUnits, "minUnits")
        maximumUnits = units(text.maxUnits, "maxUnits")
        if let low = minimumUnits, let high = maximumUnits, high < low {
            problems.append(Problem(.invalidValue, "maxUnits (\(high.plain)) is below minUnits (\(low.plain)).", field: "maxUnits"))
        }
        if (text.minUnits != nil || text.maxUnits != nil), text.product == nil {
            problems.append(Problem(.invalidValue, "A dose band needs a product: units of different products are not comparable.",
                                    field: text.minUnits != nil ? "minUnits" : "maxUnits"))
        }
        if let value = text.injector {
            injector = UUID(uuidString: value)
            if injector == nil { problems.append(Problem(.invalidValue, "injector must be a user id (UUID), not '\(value)'.", field: "injector")) }
        }
        guard problems.isEmpty else { throw Problems(problems) }
    }

    init(from: CalendarDate? = nil, to: CalendarDate? = nil, product: ToxinProduct? = nil, minimumUnits: Units? = nil,
         maximumUnits: Units? = nil, injector: UUID? = nil) {
        self.from = from
        self.to = to
        self.product = product
        self.minimumUnits = minimumUnits
        self.maximumUnits = maximumUnits
        self.injector = injector
    }

    /// Whether a session is in the report.
    func includes(date: CalendarDate, product: ToxinProduct?, totalUnits: Units, injector: UUID) -> Bool {
        if let from, date < from { return false }
        if let to, date > to { return false }
        if let wanted = self.product, product != wanted { return false }
        if let low = minimumUnits, totalUnits < low { return false }
        if let high = maximumUnits, totalUnits > high { return false }
        if let wanted = self.injector, injector != wanted { return false }
        return true
    }

    /// The filter as the report echoes it, and as one line of an audit record.
    var summary: String {
        var parts: [String] = []
        if let from { parts.append("from \(from)") }
        if let to { parts.append("to \(to)") }
        if let product { parts.append(product.rawValue) }
        if let minimumUnits { parts.append("≥ \(minimumUnits.plain) U") }
        if let maximumUnits { parts.append("≤ \(maximumUnits.plain) U") }
        if let injector { parts.append("injector \(injector.uuidString)") }
        return parts.isEmpty ? "all sessions" : parts.joined(separator: ", ")
    }
}
