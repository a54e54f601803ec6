import Foundation
import Plot

/// The admin pages' form fields: a label, an optional hint, the inline error and the control,
/// wrapped in `NAME-field` so the error summary's links land on it.
enum AdminFormFields {
    static func text(_ name: String, label: String, value: String, error: String?, type: HTMLInputType = .text,
                     hint: String? = nil, autocomplete: String? = nil, required: Bool = false,
                     extra: [Attribute<HTML.InputContext>] = []) -> Node<HTML.FormContext> {
        .div(.id("\(name)-field"), .class(error == nil ? "field" : "field field--error"),
             .label(.for(name), .safe(label)),
             .unwrap(hint) { .p(.class("hint"), .id("\(name)-hint"), .safe($0)) },
             FormControls.errorMessage(name, error),
             input([.type(type), .id(name), .name(name), .attr("value", type == .password ? "" : value),
                    .attr("autocomplete", autocomplete ?? "off"), .flag("required", required)]
                   + describedBy(name, hint: hint, error: error) + extra))
    }

    static func select(_ name: String, label: String, selected: String, options: [(value: String, label: String)],
                       error: String?, hint: String? = nil) -> Node<HTML.FormContext> {
        .div(.id("\(name)-field"), .class(error == nil ? "field" : "field field--error"),
             .label(.for(name), .safe(label)),
             .unwrap(hint) { .p(.class("hint"), .id("\(name)-hint"), .safe($0)) },
             FormControls.errorMessage(name, error),
             FormControls.select(id: name, name: name, selected: selected, options: options))
    }

    /// An input from a list of attributes (Plot's `.input` takes them one by one).
    static func input<Context>(_ attributes: [Attribute<HTML.InputContext>]) -> Node<Context> {
        .selfClosedElement(named: "input", attributes: attributes)
    }

    private static func describedBy(_ name: String, hint: String?, error: String?) -> [Attribute<HTML.InputContext>] {
        let ids = [hint == nil ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }
        return ids.isEmpty ? [] : [.attr("aria-describedby", ids.joined(separator: " "))]
    }

    /// The errors in the order of the form's fields, for the summary at the top.
    static func summary(_ errors: [String: String], order: [String]) -> [(field: String, message: String)] {
        let known = order.compactMap { field in errors[field].map { (field: field, message: $0) } }
        let others = errors.keys.filter { !order.contains($0) }.sorted().map { (field: $0, message: errors[$0]!) }
        return known + others
    }

    /// The roles as the form offers them.
    static let roleOptions: [(value: String, label: String)] = [
        ("admin", "Admin"), ("clinician", "Clinician"), ("nurse", "Nurse"), ("reception", "Reception"), ("patient", "Patient"),
    ]

    /// A message from the account rules as a sentence ("password must…" → "Password must…").
    static func sentence(_ message: String) -> String {
        guard let first = message.first else { return message }
        return first.uppercased() + message.dropFirst()
    }

    /// A value for a query string in a link built by hand.
    static func queryValue(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
