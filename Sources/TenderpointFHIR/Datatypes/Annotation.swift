/// A note with its author and time (FHIR R4 `Annotation`).
public struct Annotation: Codable, Hashable, Sendable {
    public var author: Annotation.Author?
    public var time: FHIRDateTime?
    /// Markdown; required.
    public var text: String

    public init(
        author: Annotation.Author? = nil,
        time: FHIRDateTime? = nil,
        text: String
    ) {
        self.author = author
        self.time = time
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case time
        case text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        author = try Annotation.Author.decode(from: decoder, prefix: "author")
        time = try container.decodeIfPresent(FHIRDateTime.self, forKey: .time)
        text = try container.decode(String.self, forKey: .text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try author?.encode(to: encoder, prefix: "author")
        try container.encodeIfPresent(time, forKey: .time)
        try container.encode(text, forKey: .text)
    }
}
