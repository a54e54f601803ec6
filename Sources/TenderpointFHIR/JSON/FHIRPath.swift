/// Builds the FHIRPath-style text of a coding path: `name[0].given`.
enum FHIRPath {
    static func text(of codingPath: [any CodingKey], root: String? = nil) -> String {
        var text = root ?? ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    static func member(_ name: String, of parent: String) -> String {
        parent.isEmpty ? name : parent + "." + name
    }

    static func element(_ index: Int, of parent: String) -> String {
        parent + "[\(index)]"
    }
}
