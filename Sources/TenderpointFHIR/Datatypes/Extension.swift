/// An extension (FHIR R4 `Extension`, minimal): a `url` with one `value[x]`, or nested extensions —
/// not both (ext-1).
public struct Extension: Codable, Hashable, Sendable {
    public var url: String
    public var value: Extension.Value?
    public var `extension`: [Extension]?

    public init(
        url: String,
        value: Extension.Value? = nil,
        `extension`: [Extension]? = nil
    ) {
        self.url = url
        self.value = value
        self.`extension` = `extension`
    }

    enum CodingKeys: String, CodingKey {
        case url
        case `extension`
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decode(String.self, forKey: .url)
        value = try Extension.Value.decode(from: decoder, prefix: "value")
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try value?.encode(to: encoder, prefix: "value")
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
    }
}
