/// A person receiving care (FHIR R4 `Patient`).
public struct Patient: FHIRResource {
    public static let resourceType = FHIRResourceType.patient

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var identifier: [Identifier]?
    public var active: Bool?
    public var name: [HumanName]?
    public var telecom: [ContactPoint]?
    public var gender: AdministrativeGender?
    public var birthDate: FHIRDate?
    public var address: [Address]?
    public var generalPractitioner: [Reference]?
    public var managingOrganization: Reference?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: [Identifier]? = nil,
        active: Bool? = nil,
        name: [HumanName]? = nil,
        telecom: [ContactPoint]? = nil,
        gender: AdministrativeGender? = nil,
        birthDate: FHIRDate? = nil,
        address: [Address]? = nil,
        generalPractitioner: [Reference]? = nil,
        managingOrganization: Reference? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.active = active
        self.name = name
        self.telecom = telecom
        self.gender = gender
        self.birthDate = birthDate
        self.address = address
        self.generalPractitioner = generalPractitioner
        self.managingOrganization = managingOrganization
    }

    public var asAnyResource: AnyResource { .patient(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case active
        case name
        case telecom
        case gender
        case birthDate
        case address
        case generalPractitioner
        case managingOrganization
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
        gender = try container.decodeIfPresent(AdministrativeGender.self, forKey: .gender)
        birthDate = try container.decodeIfPresent(FHIRDate.self, forKey: .birthDate)
        address = try container.decodeIfPresent([Address].self, forKey: .address)
        generalPractitioner = try container.decodeIfPresent([Reference].self, forKey: .generalPractitioner)
        managingOrganization = try container.decodeIfPresent(Reference.self, forKey: .managingOrganization)
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
        try container.encodeIfPresent(gender, forKey: .gender)
        try container.encodeIfPresent(birthDate, forKey: .birthDate)
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeIfPresent(generalPractitioner, forKey: .generalPractitioner)
        try container.encodeIfPresent(managingOrganization, forKey: .managingOrganization)
    }
}
