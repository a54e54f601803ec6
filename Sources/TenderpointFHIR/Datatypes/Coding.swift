/// A code defined by a code system (FHIR R4 `Coding`).
public struct Coding: Codable, Hashable, Sendable {
    /// The code system URI, for example `CodeSystem.snomedCT`.
    public var system: String?
    public var version: String?
    public var code: String?
    public var display: String?
    public var userSelected: Bool?

    public init(
        system: String? = nil,
        version: String? = nil,
        code: String? = nil,
        display: String? = nil,
        userSelected: Bool? = nil
    ) {
        self.system = system
        self.version = version
        self.code = code
        self.display = display
        self.userSelected = userSelected
    }
}
