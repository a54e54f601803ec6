import Foundation

/// Writes SVG markup, escaping every attribute value and text, so charts drawn from data (a
/// patient's notes, a product's name) stay pictures. The result goes into a page with `.raw`.
struct SVGWriter {
    private(set) var text = ""

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<\(name)\(Self.attributes(attributes))>"
    }

    mutating func close(_ name: String) {
        text += "</\(name)>"
    }

    /// An element with only attributes, or with text content.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String? = nil) {
        if let content {
            text += "<\(name)\(Self.attributes(attributes))>\(HTMLEscaping.escape(content))</\(name)>"
        } else {
            text += "<\(name)\(Self.attributes(attributes))/>"
        }
    }

    /// A coordinate with one decimal: enough for a screen, and short.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(HTMLEscaping.escape($0.1))\"" }.joined()
    }
}
