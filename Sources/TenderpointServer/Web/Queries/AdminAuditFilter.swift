import Foundation
import TenderpointCore

/// The audit trail's filters as typed (kept for showing the form again) and as checked values.
/// Dates are clinic calendar days: `from` is from the start of that day, `to` to the end of it.
struct AdminAuditFilter: Sendable, Equatable {
    /// The query parameters, as the form sends them.
    struct Text: Decodable, Sendable, Equatable {
        var from: String?
        var to: String?
        var user: String?
        var patient: String?
        var action: String?
        var resource: String?
        var outcome: String?
        /// The keyset cursor of the next page ("older than this row").
        var before: String?
    }

    /// A row's place in the newest-first order: its instant (seconds since 1970, written so
    /// that it reads back to the same double) and id, which breaks ties.
    struct Cursor: Sendable, Equatable {
        let at: Date
        let id: UUID

        var token: String { "\(at.timeIntervalSince1970)_\(id.uuidString)" }

        init(at: Date, id: UUID) {
            self.at = at
            self.id = id
        }

        init?(token: String) {
            let parts = token.split(separator: "_")
            guard parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite, let id = UUID(uuidString: String(parts[1])) else { return nil }
            self.init(at: Date(timeIntervalSince1970: seconds), id: id)
        }
    }

    static let actions = AuditEntry.Action.allCases.map(\.rawValue)
    static let outcomes = ["success", "denied", "failure"]

    var text: Text
    var from: CalendarDate?
    var to: CalendarDate?
    var username: String?
    var patientText: String?
    var action: String?
    var resourceType: String?
    var outcome: String?
    var cursor: Cursor?
    /// Problems by field name (`from`, `to`, `action`…), shown beside the fields.
    var errors: [String: String] = [:]

    init(_ text: Text) {
        self.text = text
        func value(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        if let from = value(text.from) {
            self.from = CalendarDate(iso: from)
            if self.from == nil { errors["from"] = "Enter the first day as a date (YYYY-MM-DD)." }
        }
        if let to = value(text.to) {
            self.to = CalendarDate(iso: to)
            if self.to == nil { errors["to"] = "Enter the last day as a date (YYYY-MM-DD)." }
        }
        if let from = self.from, let to = self.to, to < from {
            errors["to"] = "The last day (\(to)) is before the first (\(from))."
        }
        username = value(text.user).map { UserAccounts.normalized(username: $0) }
        patientText = value(text.patient)
        if let action = value(text.action) {
            if Self.actions.contains(action) { self.action = action } else { errors["action"] = "Choose an action from the list." }
        }
        resourceType = value(text.resource)
        if let outcome = value(text.outcome) {
            if Self.outcomes.contains(outcome) { self.outcome = outcome } else { errors["outcome"] = "Choose an outcome from the list." }
        }
        if let before = value(text.before) {
            cursor = Cursor(token: before)
            if cursor == nil { errors["before"] = "That page link is damaged: start again from the newest." }
        }
    }

    var isValid: Bool { errors.isEmpty }

    /// The filters as query items (without the cursor), for the pager, the CSV link and the patient links.
    var queryItems: [URLQueryItem] {
        [("from", text.from), ("to", text.to), ("user", text.user), ("patient", text.patient), ("action", text.action),
         ("resource", text.resource), ("outcome", text.outcome)]
            .compactMap { name, value in
                guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
                return URLQueryItem(name: name, value: value)
            }
    }

    /// `path?filters[&extra]`.
    func link(_ path: String, adding extra: [URLQueryItem] = []) -> String {
        var components = URLComponents()
        components.path = path
        let items = queryItems + extra
        components.queryItems = items.isEmpty ? nil : items
        // `+` is a space in a form-encoded query: keep it a plus.
        return (components.string ?? path).replacingOccurrences(of: "+", with: "%2B")
    }

    /// The filters in words, for the audit record of reading the trail.
    var summary: String {
        let parts = queryItems.map { "\($0.name)=\($0.value ?? "")" }
        return parts.isEmpty ? "no filters" : parts.joined(separator: ", ")
    }
}
