/// Why FHIR JSON could not be read or written, with the FHIRPath-style location of the element
/// (`Patient.name[0].given[1]`), so the server can answer with an `OperationOutcome` issue whose
/// `expression` points at it.
public struct FHIRJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// Not JSON at all (RFC 8259), or a duplicate object member.
        case syntax
        /// `resourceType` names a resource this module does not implement.
        case unknownResourceType
        /// `resourceType` names another resource than the one asked for.
        case resourceTypeMismatch
        /// A required (1..1 or 1..*) element is absent.
        case missingElement
        /// An element that the resource does not define (or this subset does not model).
        case unknownElement
        /// A value of the wrong JSON type, for example a string where a number belongs.
        case typeMismatch
        /// A value of the right JSON type whose content is invalid: a date not matching the
        /// FHIR grammar, a code outside a required value set, two `value[x]` choices at once.
        case invalidValue
        /// A value that cannot be written as JSON (a non-finite number).
        case unencodable
    }

    public let kind: Kind
    public let message: String
    /// Where the problem is, FHIRPath style, rooted at the resource type when it is known.
    public let path: String?

    public init(kind: Kind, message: String, path: String? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
    }

    public var description: String {
        guard let path, !path.isEmpty else { return message }
        return "\(message) (at \(path))"
    }

    func located(at path: String?) -> FHIRJSONError {
        FHIRJSONError(kind: kind, message: message, path: path)
    }
}
