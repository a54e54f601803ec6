import Foundation
import Vapor

/// The outcome report's filters as typed into the page's GET form: the API's parameter names
/// (`from`, `to`, `product`, `minUnits`, `maxUnits`, `injector`), so the page, its download links
/// and `/api/reports/outcomes` take the same query, and `OutcomeFilter` checks all three alike.
struct OutcomeFilterForm: Sendable, Equatable {
    static let fieldNames = ["from", "to", "product", "minUnits", "maxUnits", "injector"]

    var from = ""
    var to = ""
    var product = ""
    var minUnits = ""
    var maxUnits = ""
    var injector = ""

    init(from: String = "", to: String = "", product: String = "", minUnits: String = "", maxUnits: String = "",
         injector: String = "") {
        self.from = from
        self.to = to
        self.product = product
        self.minUnits = minUnits
        self.maxUnits = maxUnits
        self.injector = injector
    }

    /// What the request's query says, each value as typed (trimmed only).
    init(query: OutcomeFilter.Text) {
        func clean(_ value: String?) -> String { value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        self.init(from: clean(query.from), to: clean(query.to), product: clean(query.product), minUnits: clean(query.minUnits),
                  maxUnits: clean(query.maxUnits), injector: clean(query.injector))
    }

    /// A field left blank in the form is sent as `from=`: blank means "no filter", not a bad value.
    var text: OutcomeFilter.Text {
        func value(_ text: String) -> String? { text.isEmpty ? nil : text }
        return OutcomeFilter.Text(from: value(from), to: value(to), product: value(product), minUnits: value(minUnits),
                                  maxUnits: value(maxUnits), injector: value(injector))
    }

    var values: [(name: String, value: String)] {
        [("from", from), ("to", to), ("product", product), ("minUnits", minUnits), ("maxUnits", maxUnits), ("injector", injector)]
    }

    /// The filled fields as a query string (without `?`), for the download links.
    var queryString: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return values.filter { !$0.value.isEmpty }.map { field in
            "\(field.name)=\(field.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }

    /// `path`, with the filters when there are any.
    func link(_ path: String) -> String {
        queryString.isEmpty ? path : "\(path)?\(queryString)"
    }
}

extension Request {
    /// The report filters of the query string; a query that cannot be read at all (a name sent
    /// as an array) reads as no filter rather than failing the page.
    var outcomeFilterForm: OutcomeFilterForm {
        OutcomeFilterForm(query: (try? query.decode(OutcomeFilter.Text.self)) ?? OutcomeFilter.Text())
    }
}
