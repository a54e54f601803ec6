import Plot

/// Escaping for text that comes from data (names, notes, anything typed). Plot escapes `<` and
/// `>` in text but leaves entity-like sequences (`&lt;`) as they are, and writes attribute
/// values verbatim, so pages pass data only through `Node.safe` and `.attr`.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
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
}

extension Node {
    /// Text from data, escaped completely.
    static func safe(_ text: String) -> Node { .raw(HTMLEscaping.escape(text)) }

    /// An attribute whose value comes from data, escaped.
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: HTMLEscaping.escape(value), ignoreIfValueIsEmpty: false)
    }

    /// A boolean attribute (`checked`, `required`) present only when `isOn`.
    static func flag(_ name: String, _ isOn: Bool) -> Node {
        isOn ? .attribute(named: name, value: nil, ignoreIfValueIsEmpty: false) : .empty
    }
}

extension Attribute {
    /// An attribute whose value comes from data, escaped.
    static func attr(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: HTMLEscaping.escape(value), ignoreIfValueIsEmpty: false)
    }

    /// A boolean attribute present only when `isOn`.
    static func flag(_ name: String, _ isOn: Bool) -> Attribute {
        isOn ? Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false) : .empty
    }
}
