import TenderpointFHIR

/// A search parameter a resource type supports: what the CapabilityStatement lists and what the
/// parser accepts. Anything else in a query is reported as unknown (400), never ignored.
struct FHIRSearchParameter: Sendable {
    typealias ParamType = CapabilityStatement.Rest.SearchParam.ParamType

    let name: String
    let type: ParamType
    /// Modifiers accepted after the name (`name:exact`); none unless listed.
    let modifiers: Set<String>
    let documentation: String
    /// The canonical URL of the standard SearchParameter this implements, when there is one.
    let definition: String?

    init(_ name: String, _ type: ParamType, modifiers: Set<String> = [], definition: String? = nil, _ documentation: String) {
        self.name = name
        self.type = type
        self.modifiers = modifiers
        self.documentation = documentation
        self.definition = definition
    }

    /// The standard R4 SearchParameter `Type-name`.
    static func standard(_ resource: String, _ code: String) -> String {
        "http://hl7.org/fhir/SearchParameter/\(resource)-\(code)"
    }

    var capability: CapabilityStatement.Rest.SearchParam {
        CapabilityStatement.Rest.SearchParam(name: name, definition: definition, type: type, documentation: documentation)
    }
}
