/// A time range (FHIR R4 `Period`); an absent `end` means ongoing.
public struct Period: Codable, Hashable, Sendable {
    public var start: FHIRDateTime?
    public var end: FHIRDateTime?

    public init(
        start: FHIRDateTime? = nil,
        end: FHIRDateTime? = nil
    ) {
        self.start = start
        self.end = end
    }
}
