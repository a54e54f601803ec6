/// A medicinal product (FHIR R4 `Medication`): the toxin product and vial, usually contained in a
/// `MedicationAdministration`.
public struct Medication: FHIRResource {
    public static let resourceType = FHIRResourceType.medication

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var identifier: [Identifier]?
    public var code: CodeableConcept?
    public var status: Medication.Status?
    public var manufacturer: Reference?
    public var form: CodeableConcept?
    public var batch: Medication.Batch?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: [Identifier]? = nil,
        code: CodeableConcept? = nil,
        status: Medication.Status? = nil,
        manufacturer: Reference? = nil,
        form: CodeableConcept? = nil,
        batch: Medication.Batch? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.code = code
        self.status = status
        self.manufacturer = manufacturer
        self.form = form
        self.batch = batch
    }

    public var asAnyResource: AnyResource { .medication(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case code
        case status
        case manufacturer
        case form
        case batch
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        identifier = try container.decodeIfPresent([Identifier].self, forKey: .identifier)
        code = try container.decodeIfPresent(CodeableConcept.self, forKey: .code)
        status = try container.decodeIfPresent(Medication.Status.self, forKey: .status)
        manufacturer = try container.decodeIfPresent(Reference.self, forKey: .manufacturer)
        form = try container.decodeIfPresent(CodeableConcept.self, forKey: .form)
        batch = try container.decodeIfPresent(Medication.Batch.self, forKey: .batch)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(manufacturer, forKey: .manufacturer)
        try container.encodeIfPresent(form, forKey: .form)
        try container.encodeIfPresent(batch, forKey: .batch)
    }
}
