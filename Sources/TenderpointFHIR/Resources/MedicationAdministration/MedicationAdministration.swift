/// A dose given to a patient (FHIR R4 `MedicationAdministration`): one per injection site, `partOf`
/// the session's `Procedure`, with the product and vial as a contained `Medication`.
public struct MedicationAdministration: FHIRResource {
    public static let resourceType = FHIRResourceType.medicationAdministration

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    /// Resources without their own identity, such as the `Medication` (dom-3: each is referenced).
    public var contained: [AnyResource]?
    public var identifier: [Identifier]?
    public var instantiates: [String]?
    public var partOf: [Reference]?
    public var status: MedicationAdministration.Status
    public var statusReason: [CodeableConcept]?
    public var category: CodeableConcept?
    public var medication: MedicationAdministration.Product
    public var subject: Reference
    public var context: Reference?
    public var supportingInformation: [Reference]?
    public var effective: EffectiveTime
    public var performer: [MedicationAdministration.Performer]?
    public var reasonCode: [CodeableConcept]?
    public var reasonReference: [Reference]?
    public var request: Reference?
    public var device: [Reference]?
    public var note: [Annotation]?
    public var dosage: MedicationAdministration.Dosage?
    public var eventHistory: [Reference]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        contained: [AnyResource]? = nil,
        identifier: [Identifier]? = nil,
        instantiates: [String]? = nil,
        partOf: [Reference]? = nil,
        status: MedicationAdministration.Status,
        statusReason: [CodeableConcept]? = nil,
        category: CodeableConcept? = nil,
        medication: MedicationAdministration.Product,
        subject: Reference,
        context: Reference? = nil,
        supportingInformation: [Reference]? = nil,
        effective: EffectiveTime,
        performer: [MedicationAdministration.Performer]? = nil,
        reasonCode: [CodeableConcept]? = nil,
        reasonReference: [Reference]? = nil,
        request: Reference? = nil,
        device: [Reference]? = nil,
        note: [Annotation]? = nil,
        dosage: MedicationAdministration.Dosage? = nil,
        eventHistory: [Reference]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.contained = contained
        self.identifier = identifier
        self.instantiates = instantiates
        self.partOf = partOf
        self.status = status
        self.statusReason = statusReason
        self.category = category
        self.medication = medication
        self.subject = subject
        self.context = context
        self.supportingInformation = supportingInformation
        self.effective = effective
        self.performer = performer
        self.reasonCode = reasonCode
        self.reasonReference = reasonReference
        self.request = request
        self.device = device
        self.note = note
        self.dosage = dosage
        self.eventHistory = eventHistory
    }

    public var asAnyResource: AnyResource { .medicationAdministration(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case contained
        case identifier
        case instantiates
        case partOf
        case status
        case statusReason
        case category
        case subject
        case context
        case supportingInformation
        case performer
        case reasonCode
        case reasonReference
        case request
        case device
        case note
        case dosage
        case eventHistory
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        contained = try container.decodeIfPresent([AnyResource].self, forKey: .contained)
        identifier = try container.decodeIfPresent([Identifier].self, forKey: .identifier)
        instantiates = try container.decodeIfPresent([String].self, forKey: .instantiates)
        partOf = try container.decodeIfPresent([Reference].self, forKey: .partOf)
        status = try container.decode(MedicationAdministration.Status.self, forKey: .status)
        statusReason = try container.decodeIfPresent([CodeableConcept].self, forKey: .statusReason)
        category = try container.decodeIfPresent(CodeableConcept.self, forKey: .category)
        medication = try MedicationAdministration.Product.decodeRequired(from: decoder, prefix: "medication")
        subject = try container.decode(Reference.self, forKey: .subject)
        context = try container.decodeIfPresent(Reference.self, forKey: .context)
        supportingInformation = try container.decodeIfPresent([Reference].self, forKey: .supportingInformation)
        effective = try EffectiveTime.decodeRequired(from: decoder, prefix: "effective")
        performer = try container.decodeIfPresent([MedicationAdministration.Performer].self, forKey: .performer)
        reasonCode = try container.decodeIfPresent([CodeableConcept].self, forKey: .reasonCode)
        reasonReference = try container.decodeIfPresent([Reference].self, forKey: .reasonReference)
        request = try container.decodeIfPresent(Reference.self, forKey: .request)
        device = try container.decodeIfPresent([Reference].self, forKey: .device)
        note = try container.decodeIfPresent([Annotation].self, forKey: .note)
        dosage = try container.decodeIfPresent(MedicationAdministration.Dosage.self, forKey: .dosage)
        eventHistory = try container.decodeIfPresent([Reference].self, forKey: .eventHistory)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(contained, forKey: .contained)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encodeIfPresent(instantiates, forKey: .instantiates)
        try container.encodeIfPresent(partOf, forKey: .partOf)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(statusReason, forKey: .statusReason)
        try container.encodeIfPresent(category, forKey: .category)
        try medication.encode(to: encoder, prefix: "medication")
        try container.encode(subject, forKey: .subject)
        try container.encodeIfPresent(context, forKey: .context)
        try container.encodeIfPresent(supportingInformation, forKey: .supportingInformation)
        try effective.encode(to: encoder, prefix: "effective")
        try container.encodeIfPresent(performer, forKey: .performer)
        try container.encodeIfPresent(reasonCode, forKey: .reasonCode)
        try container.encodeIfPresent(reasonReference, forKey: .reasonReference)
        try container.encodeIfPresent(request, forKey: .request)
        try container.encodeIfPresent(device, forKey: .device)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(dosage, forKey: .dosage)
        try container.encodeIfPresent(eventHistory, forKey: .eventHistory)
    }
}
