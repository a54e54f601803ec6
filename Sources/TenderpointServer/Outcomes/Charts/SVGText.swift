import Foundation

/// The small pieces every chart writes: coordinates with one decimal, escaped text, percentages.
enum SVGText {
    /// One decimal, never "-0.0": coordinates finer than a tenth of a pixel show nothing.
    static func number(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }

    /// Text for an element or an attribute: `&`, `<`, `>`, quotes escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `0.4242` → "42%"; nil → "–".
    static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "–" }
        return "\(Int((fraction * 100).rounded()))%"
    }

    /// The opening tag, a title for screen readers and the caption every outcome chart carries,
    /// and a description of what the chart shows in words (its figures), for those who cannot see it.
    static func open(width: Double, height: Double, title: String, description: String? = nil, className: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(className)\" width=\"\(number(width))\" height=\"\(number(height))\" "
            + "viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(escaped(title))\">"
            + "<title>\(escaped(title))</title>"
            + (description.map { "<desc>\(escaped($0))</desc>" } ?? "")
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", className: String) -> String {
        "<text class=\"\(className)\" x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\">\(escaped(content))</text>"
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) -> String {
        "<line class=\"\(className)\" x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\"/>"
    }
}
