import Foundation
import TenderpointFHIR

/// A search's query, read against the parameters its resource type supports: the clauses, the
/// page (`_count`, `_offset`) and what the `self` and `next` links repeat. Every unknown
/// parameter, modifier or malformed value is collected and reported together (400).
struct FHIRSearchRequest: Sendable {
    static let defaultCount = 50
    static let maximumCount = 1000
    /// The furthest page start, as on the API's lists; past it (or unreadable, or negative) is
    /// a 400, so that `offset + count` can never overflow.
    static let maximumOffset = Paging.offsets.upperBound

    /// Parameters every search accepts beside the type's own. `_offset` is how the `next` link
    /// pages; `_format` may only ask for JSON.
    static let resultParameters: Set<String> = ["_count", "_offset", "_format"]
    static let jsonFormats: Set<String> = ["json", "application/json", "application/fhir+json", "application/json+fhir"]

    var count: Int
    var offset: Int
    var clauses: [FHIRSearchClause]
    /// The type's parameters as given (name with modifier, raw value), in query order.
    var linkParameters: [(name: String, value: String)]

    init(count: Int = defaultCount, offset: Int = 0, clauses: [FHIRSearchClause] = [], linkParameters: [(name: String, value: String)] = []) {
        self.count = count
        self.offset = offset
        self.clauses = clauses
        self.linkParameters = linkParameters
    }

    func clauses(_ name: String) -> [FHIRSearchClause] {
        clauses.filter { $0.name == name }
    }

    /// Reads a raw query string (`name=value&…`, percent-encoded, `+` for a space).
    static func parse(query: String?, supported: [FHIRSearchParameter], timeZone: TimeZone) throws(FHIRError) -> FHIRSearchRequest {
        var request = FHIRSearchRequest()
        var issues: [OperationOutcome.Issue] = []
        func report(_ name: String, _ message: String, code: OperationOutcome.Issue.IssueType = .invalid) {
            issues.append(OperationOutcome.Issue(severity: .error, code: code, diagnostics: message, expression: [name]))
        }
        for (key, value) in pairs(query ?? "") {
            let parts = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let modifier = parts.count > 1 ? String(parts[1]) : nil
            if resultParameters.contains(name) {
                guard modifier == nil else {
                    report(key, "\(name) takes no modifier.")
                    continue
                }
                switch name {
                case "_count":
                    // Above the maximum is lowered, as FHIR allows; so is a count too long for
                    // an Int. Negative or not a whole number: 400.
                    guard let digits = wholeNumberDigits(value) else {
                        report(name, "_count must be a whole number, 0 or more (\(value) was given).")
                        continue
                    }
                    request.count = Int(digits).map { min($0, maximumCount) } ?? maximumCount
                case "_offset":
                    guard let digits = wholeNumberDigits(value) else {
                        report(name, "_offset must be a whole number, 0 or more (\(value) was given).")
                        continue
                    }
                    guard let number = Int(digits), number <= maximumOffset else {
                        report(name, "_offset must be at most \(maximumOffset) (\(value) was given).")
                        continue
                    }
                    request.offset = number
                default:
                    if !jsonFormats.contains(value) {
                        report(name, "Only JSON is served (_format=\(value) was asked for).", code: .notSupported)
                    }
                }
                continue
            }
            guard let parameter = supported.first(where: { $0.name == name }) else {
                let known = supported.map(\.name) + ["_count", "_offset"]
                report(name, "Unknown search parameter \"\(name)\"; this resource type supports \(known.joined(separator: ", ")).",
                       code: .notSupported)
                continue
            }
            if let modifier, !parameter.modifiers.contains(modifier) {
                let accepted = parameter.modifiers.isEmpty ? "none" : parameter.modifiers.sorted().joined(separator: ", ")
                report(key, "The modifier :\(modifier) is not supported on \(name) (accepted: \(accepted)).", code: .notSupported)
                continue
            }
            guard !value.isEmpty else {
                report(name, "\(name) has no value.")
                continue
            }
            var values: [FHIRSearchValue] = []
            for alternative in splitAlternatives(value) {
                do {
                    values.append(try read(alternative, as: parameter, timeZone: timeZone))
                } catch {
                    issues += error.issues
                }
            }
            request.clauses.append(FHIRSearchClause(name: name, modifier: modifier, values: values))
            request.linkParameters.append((key, value))
        }
        guard issues.isEmpty else { throw FHIRError(.badRequest, issues: issues) }
        return request
    }

    private static func read(_ text: String, as parameter: FHIRSearchParameter, timeZone: TimeZone) throws(FHIRError) -> FHIRSearchValue {
        switch parameter.type {
        case .date:
            return .date(try FHIRDateSearch(text, name: parameter.name, timeZone: timeZone, dateOnly: parameter.name == "birthdate"))
        case .token:
            return .token(FHIRToken(text))
        case .reference where parameter.name != "patient":
            return .reference(text)
        case .reference:
            // `Patient/123`, `123`, or an absolute URL whose last two segments are `Patient/123`.
            let segments = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if segments.count >= 2 {
                guard segments[segments.count - 2] == "Patient" else {
                    throw FHIRError.invalidParameter(parameter.name, "\(parameter.name) refers to a Patient: give Patient/{id} or {id} (\(text) was given).")
                }
                return .reference(segments[segments.count - 1])
            }
            return .reference(text)
        default:
            return .string(text)
        }
    }

    /// `a,b\,c` → `a`, `b,c`: commas separate alternatives unless escaped.
    static func splitAlternatives(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.filter { !$0.isEmpty }
    }

    /// The decoded `name=value` pairs of a query, in order.
    static func pairs(_ query: String) -> [(String, String)] {
        query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The ASCII digits of a non-negative whole number (an optional `+` dropped), or nil.
    static func wholeNumberDigits(_ text: String) -> Substring? {
        let digits = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }

    /// The query of a page's link: the parameters as given, then `_count` and `_offset`.
    func linkQuery(offset: Int) -> String {
        var items = linkParameters.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }
        items.append("_count=\(count)")
        items.append("_offset=\(offset)")
        return items.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
