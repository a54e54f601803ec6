/// A FHIR R4 resource of this subset. Every resource writes `resourceType` as its first member,
/// and reading one checks that `resourceType` names it.
public protocol FHIRResource: Codable, Hashable, Sendable {
    static var resourceType: FHIRResourceType { get }
    /// The logical id (`[A-Za-z0-9\-\.]{1,64}`); nil before the resource is stored.
    var id: String? { get set }
    var meta: Meta? { get set }
    /// The resource wrapped for a heterogeneous place (a `Bundle` entry, `contained`).
    var asAnyResource: AnyResource { get }
}

extension FHIRResource {
    public var resourceType: FHIRResourceType { Self.resourceType }

    /// `Type/id`, the relative reference to this resource; nil without an id.
    public var relativeReference: String? {
        id.map { "\(Self.resourceType.rawValue)/\($0)" }
    }

    /// Reads `resourceType` from the object `decoder` reads and checks that it is this type.
    static func checkResourceType(in decoder: any Decoder) throws {
        let found = try FHIRResourceType.read(from: decoder)
        guard found == resourceType else {
            let error = FHIRJSONError(kind: .resourceTypeMismatch,
                                      message: "resourceType is \"\(found.rawValue)\" where \"\(resourceType.rawValue)\" was expected")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }
}

extension FHIRResourceType {
    /// The `resourceType` member of the object `decoder` reads; an unknown name is an
    /// `unknownResourceType` error that lists the supported types.
    static func read(from decoder: any Decoder) throws -> FHIRResourceType {
        let container = try decoder.container(keyedBy: FHIRCodingKey.self)
        let name = try container.decode(String.self, forKey: .resourceType)
        guard let type = FHIRResourceType(rawValue: name) else {
            let supported = FHIRResourceType.allCases.map(\.rawValue).joined(separator: ", ")
            let error = FHIRJSONError(kind: .unknownResourceType,
                                      message: "Unknown resourceType \"\(name)\"; supported: \(supported)")
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [FHIRCodingKey.resourceType],
                                                    debugDescription: error.message, underlyingError: error))
        }
        return type
    }
}
