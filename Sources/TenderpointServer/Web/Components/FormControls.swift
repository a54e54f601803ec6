import Plot
import TenderpointCore

/// Form controls shared by the pages, each with its label, hint and inline error, built so a
/// refused form shows again with what was typed.
enum FormControls {
    /// A 0–10 rating as eleven large radio buttons (quick to tap on a phone, arrow keys on a
    /// keyboard), inside a fieldset whose legend names it.
    static func scale(name: String, legend: String, low: String, high: String, selected: String,
                      error: String?, required: Bool = false) -> Node<HTML.FormContext> {
        .fieldset(
            .id("\(name)-field"),
            .class(error == nil ? "field" : "field field--error"),
            .attribute(named: "aria-describedby", value: error == nil ? "\(name)-ends" : "\(name)-ends \(name)-error"),
            .element(named: "legend", nodes: [.safe(legend), .if(!required, .span(.class("muted"), " (optional)"))]),
            errorMessage(name, error),
            .div(.class("scale"), .forEach(0...10) { value in
                .group(
                    .input(.type(.radio), .id("\(name)-\(value)"), .name(name), .attr("value", "\(value)"),
                           .flag("checked", selected == "\(value)"), .flag("required", required)),
                    .label(.for("\(name)-\(value)"), .text("\(value)")))
            }),
            .div(.class("scale-ends"), .id("\(name)-ends"), .span(.safe("0 = \(low)")), .span(.safe("10 = \(high)"))))
    }

    static func errorMessage<Context: HTMLContext>(_ name: String, _ error: String?) -> Node<Context> {
        guard let error else { return .empty }
        return .element(named: "p", nodes: [
            .attribute(named: "class", value: "error-message"), .attribute(named: "id", value: "\(name)-error"),
            .raw("<span class=\"visually-hidden\">Error: </span>" + HTMLEscaping.escape(error)),
        ])
    }

    /// A group of checkboxes under one name.
    static func checkboxes(name: String, idPrefix: String, options: [(value: String, label: String)], checked: Set<String>) -> Node<HTML.FormContext> {
        .ul(.class("checks"), .forEach(options.enumerated()) { index, option in
            .li(.input(.type(.checkbox), .id("\(idPrefix)-\(index)"), .name(name), .attr("value", option.value),
                       .flag("checked", checked.contains(option.value))),
                .label(.for("\(idPrefix)-\(index)"), .safe(option.label)))
        })
    }

    /// A drop-down list (Plot's `option` takes no text, so the elements are named here).
    static func select<Context: HTMLContext>(id: String, name: String, selected: String, options: [(value: String, label: String)]) -> Node<Context> {
        .element(named: "select", nodes: [
            .attribute(named: "id", value: id), .attribute(named: "name", value: name),
            .group(options.map { option in
                .element(named: "option", nodes: [
                    .attr("value", option.value), .flag("selected", option.value == selected), .safe(option.label),
                ])
            }),
        ])
    }

    /// The summary at the top of a refused form, each problem linking to its field.
    static func errorSummary(_ errors: [(field: String, message: String)], title: String = "The entry was not saved") -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        return .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .attribute(named: "tabindex", value: "-1"),
                    .id("error-summary"),
                    .h2(.safe(title)),
                    .ul(.forEach(errors) { error in .li(.a(.attr("href", "#\(error.field)-field"), .safe(error.message))) }))
    }
}
