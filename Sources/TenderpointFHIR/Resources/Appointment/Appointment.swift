/// A booked visit (FHIR R4 `Appointment`). app-3: `start` and `end` are required unless the
/// status is proposed, cancelled or waitlist; app-2: both or neither.
public struct Appointment: FHIRResource {
    public static let resourceType = FHIRResourceType.appointment

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    public var identifier: [Identifier]?
    public var status: Appointment.Status
    public var cancelationReason: CodeableConcept?
    public var serviceCategory: [CodeableConcept]?
    public var serviceType: [CodeableConcept]?
    public var specialty: [CodeableConcept]?
    public var appointmentType: CodeableConcept?
    public var reasonCode: [CodeableConcept]?
    public var reasonReference: [Reference]?
    public var priority: Int?
    public var description: String?
    public var start: FHIRInstant?
    public var end: FHIRInstant?
    public var minutesDuration: Int?
    public var slot: [Reference]?
    public var created: FHIRDateTime?
    public var comment: String?
    public var patientInstruction: String?
    public var basedOn: [Reference]?
    public var participant: [Appointment.Participant]
    public var requestedPeriod: [Period]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: [Identifier]? = nil,
        status: Appointment.Status,
        cancelationReason: CodeableConcept? = nil,
        serviceCategory: [CodeableConcept]? = nil,
        serviceType: [CodeableConcept]? = nil,
        specialty: [CodeableConcept]? = nil,
        appointmentType: CodeableConcept? = nil,
        reasonCode: [CodeableConcept]? = nil,
        reasonReference: [Reference]? = nil,
        priority: Int? = nil,
        description: String? = nil,
        start: FHIRInstant? = nil,
        end: FHIRInstant? = nil,
        minutesDuration: Int? = nil,
        slot: [Reference]? = nil,
        created: FHIRDateTime? = nil,
        comment: String? = nil,
        patientInstruction: String? = nil,
        basedOn: [Reference]? = nil,
        participant: [Appointment.Participant],
        requestedPeriod: [Period]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.status = status
        self.cancelationReason = cancelationReason
        self.serviceCategory = serviceCategory
        self.serviceType = serviceType
        self.specialty = specialty
        self.appointmentType = appointmentType
        self.reasonCode = reasonCode
        self.reasonReference = reasonReference
        self.priority = priority
        self.description = description
        self.start = start
        self.end = end
        self.minutesDuration = minutesDuration
        self.slot = slot
        self.created = created
        self.comment = comment
        self.patientInstruction = patientInstruction
        self.basedOn = basedOn
        self.participant = participant
        self.requestedPeriod = requestedPeriod
    }

    public var asAnyResource: AnyResource { .appointment(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case status
        case cancelationReason
        case serviceCategory
        case serviceType
        case specialty
        case appointmentType
        case reasonCode
        case reasonReference
        case priority
        case description
        case start
        case end
        case minutesDuration
        case slot
        case created
        case comment
        case patientInstruction
        case basedOn
        case participant
        case requestedPeriod
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        identifier = try container.decodeIfPresent([Identifier].self, forKey: .identifier)
        status = try container.decode(Appointment.Status.self, forKey: .status)
        cancelationReason = try container.decodeIfPresent(CodeableConcept.self, forKey: .cancelationReason)
        serviceCategory = try container.decodeIfPresent([CodeableConcept].self, forKey: .serviceCategory)
        serviceType = try container.decodeIfPresent([CodeableConcept].self, forKey: .serviceType)
        specialty = try container.decodeIfPresent([CodeableConcept].self, forKey: .specialty)
        appointmentType = try container.decodeIfPresent(CodeableConcept.self, forKey: .appointmentType)
        reasonCode = try container.decodeIfPresent([CodeableConcept].self, forKey: .reasonCode)
        reasonReference = try container.decodeIfPresent([Reference].self, forKey: .reasonReference)
        priority = try container.decodeIfPresent(Int.self, forKey: .priority)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        start = try container.decodeIfPresent(FHIRInstant.self, forKey: .start)
        end = try container.decodeIfPresent(FHIRInstant.self, forKey: .end)
        minutesDuration = try container.decodeIfPresent(Int.self, forKey: .minutesDuration)
        slot = try container.decodeIfPresent([Reference].self, forKey: .slot)
        created = try container.decodeIfPresent(FHIRDateTime.self, forKey: .created)
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
        patientInstruction = try container.decodeIfPresent(String.self, forKey: .patientInstruction)
        basedOn = try container.decodeIfPresent([Reference].self, forKey: .basedOn)
        participant = try container.decode([Appointment.Participant].self, forKey: .participant)
        requestedPeriod = try container.decodeIfPresent([Period].self, forKey: .requestedPeriod)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(cancelationReason, forKey: .cancelationReason)
        try container.encodeIfPresent(serviceCategory, forKey: .serviceCategory)
        try container.encodeIfPresent(serviceType, forKey: .serviceType)
        try container.encodeIfPresent(specialty, forKey: .specialty)
        try container.encodeIfPresent(appointmentType, forKey: .appointmentType)
        try container.encodeIfPresent(reasonCode, forKey: .reasonCode)
        try container.encodeIfPresent(reasonReference, forKey: .reasonReference)
        try container.encodeIfPresent(priority, forKey: .priority)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(start, forKey: .start)
        try container.encodeIfPresent(end, forKey: .end)
        try container.encodeIfPresent(minutesDuration, forKey: .minutesDuration)
        try container.encodeIfPresent(slot, forKey: .slot)
        try container.encodeIfPresent(created, forKey: .created)
        try container.encodeIfPresent(comment, forKey: .comment)
        try container.encodeIfPresent(patientInstruction, forKey: .patientInstruction)
        try container.encodeIfPresent(basedOn, forKey: .basedOn)
        try container.encode(participant, forKey: .participant)
        try container.encodeIfPresent(requestedPeriod, forKey: .requestedPeriod)
    }
}
