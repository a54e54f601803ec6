/// A person who provides care (FHIR R4 `Practitioner`).
public struct Practitioner: FHIRResource {
    public static let resourceType = FHIRResourceType.practitioner

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var identifier: [Identifier]?
    public var active: Bool?
    public var name: [HumanName]?
    public var telecom: [ContactPoint]?
    public var address: [Address]?
    public var gender: AdministrativeGender?
    public var birthDate: FHIRDate?
    public var qualification: [Practitioner.Qualification]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: [Identifier]? = nil,
        active: Bool? = nil,
        name: [HumanName]? = nil,
        telecom: [ContactPoint]? = nil,
        address: [Address]? = nil,
        gender: AdministrativeGender? = nil,
        birthDate: FHIRDate? = nil,
        qualification: [Practitioner.Qualification]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.active = active
        self.name = name
        self.telecom = telecom
        self.address = address
        self.gender = gender
        self.birthDate = birthDate
        self.qualification = qualification
    }

    public var asAnyResource: AnyResource { .practitioner(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case active
        case name
        case telecom
        case address
        case gender
        case birthDate
        case qualification
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        identifier = try container.decodeIfPresent([Identifier].self, forKey: .identifier)
        active = try container.decodeIfPresent(Bool.self, forKey: .active)
        name = try container.decodeIfPresent([HumanName].self, forKey: .name)
        telecom = try container.decodeIfPresent([ContactPoint].self, forKey: .telecom)
        address = try container.decodeIfPresent([Address].self, forKey: .address)
        gender = try container.decodeIfPresent(AdministrativeGender.self, forKey: .gender)
        birthDate = try container.decodeIfPresent(FHIRDate.self, forKey: .birthDate)
        qualification = try container.decodeIfPresent([Practitioner.Qualification].self, forKey: .qualification)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encodeIfPresent(active, forKey: .active)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(telecom, forKey: .telecom)
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeIfPresent(gender, forKey: .gender)
        try container.encodeIfPresent(birthDate, forKey: .birthDate)
        try container.encodeIfPresent(qualification, forKey: .qualification)
    }
}
