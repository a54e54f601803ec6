/// An adverse event after a session (FHIR R4 `AdverseEvent`). `seriousness`, `severity` and
/// `outcome` use `CodeSystem.adverseEventSeriousness`, `.adverseEventSeverity` and `.adverseEventOutcome`.
public struct AdverseEvent: FHIRResource {
    public static let resourceType = FHIRResourceType.adverseEvent

    public var id: String?
    public var meta: Meta?
    /// Extensions (`url` plus one `value[x]`).
    public var `extension`: [Extension]?
    /// 0..1 in R4.
    public var identifier: Identifier?
    public var actuality: AdverseEvent.Actuality
    public var category: [CodeableConcept]?
    public var event: CodeableConcept?
    public var subject: Reference
    public var encounter: Reference?
    public var date: FHIRDateTime?
    public var detected: FHIRDateTime?
    public var recordedDate: FHIRDateTime?
    public var resultingCondition: [Reference]?
    public var location: Reference?
    public var seriousness: CodeableConcept?
    public var severity: CodeableConcept?
    public var outcome: CodeableConcept?
    public var recorder: Reference?
    public var contributor: [Reference]?
    public var suspectEntity: [AdverseEvent.SuspectEntity]?
    public var subjectMedicalHistory: [Reference]?
    public var referenceDocument: [Reference]?
    public var study: [Reference]?

    public init(
        id: String? = nil,
        meta: Meta? = nil,
        `extension`: [Extension]? = nil,
        identifier: Identifier? = nil,
        actuality: AdverseEvent.Actuality,
        category: [CodeableConcept]? = nil,
        event: CodeableConcept? = nil,
        subject: Reference,
        encounter: Reference? = nil,
        date: FHIRDateTime? = nil,
        detected: FHIRDateTime? = nil,
        recordedDate: FHIRDateTime? = nil,
        resultingCondition: [Reference]? = nil,
        location: Reference? = nil,
        seriousness: CodeableConcept? = nil,
        severity: CodeableConcept? = nil,
        outcome: CodeableConcept? = nil,
        recorder: Reference? = nil,
        contributor: [Reference]? = nil,
        suspectEntity: [AdverseEvent.SuspectEntity]? = nil,
        subjectMedicalHistory: [Reference]? = nil,
        referenceDocument: [Reference]? = nil,
        study: [Reference]? = nil
    ) {
        self.id = id
        self.meta = meta
        self.`extension` = `extension`
        self.identifier = identifier
        self.actuality = actuality
        self.category = category
        self.event = event
        self.subject = subject
        self.encounter = encounter
        self.date = date
        self.detected = detected
        self.recordedDate = recordedDate
        self.resultingCondition = resultingCondition
        self.location = location
        self.seriousness = seriousness
        self.severity = severity
        self.outcome = outcome
        self.recorder = recorder
        self.contributor = contributor
        self.suspectEntity = suspectEntity
        self.subjectMedicalHistory = subjectMedicalHistory
        self.referenceDocument = referenceDocument
        self.study = study
    }

    public var asAnyResource: AnyResource { .adverseEvent(self) }

    enum CodingKeys: String, CodingKey {
        case resourceType
        case id
        case meta
        case `extension`
        case identifier
        case actuality
        case category
        case event
        case subject
        case encounter
        case date
        case detected
        case recordedDate
        case resultingCondition
        case location
        case seriousness
        case severity
        case outcome
        case recorder
        case contributor
        case suspectEntity
        case subjectMedicalHistory
        case referenceDocument
        case study
    }

    public init(from decoder: any Decoder) throws {
        try Self.checkResourceType(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        `extension` = try container.decodeIfPresent([Extension].self, forKey: .`extension`)
        identifier = try container.decodeIfPresent(Identifier.self, forKey: .identifier)
        actuality = try container.decode(AdverseEvent.Actuality.self, forKey: .actuality)
        category = try container.decodeIfPresent([CodeableConcept].self, forKey: .category)
        event = try container.decodeIfPresent(CodeableConcept.self, forKey: .event)
        subject = try container.decode(Reference.self, forKey: .subject)
        encounter = try container.decodeIfPresent(Reference.self, forKey: .encounter)
        date = try container.decodeIfPresent(FHIRDateTime.self, forKey: .date)
        detected = try container.decodeIfPresent(FHIRDateTime.self, forKey: .detected)
        recordedDate = try container.decodeIfPresent(FHIRDateTime.self, forKey: .recordedDate)
        resultingCondition = try container.decodeIfPresent([Reference].self, forKey: .resultingCondition)
        location = try container.decodeIfPresent(Reference.self, forKey: .location)
        seriousness = try container.decodeIfPresent(CodeableConcept.self, forKey: .seriousness)
        severity = try container.decodeIfPresent(CodeableConcept.self, forKey: .severity)
        outcome = try container.decodeIfPresent(CodeableConcept.self, forKey: .outcome)
        recorder = try container.decodeIfPresent(Reference.self, forKey: .recorder)
        contributor = try container.decodeIfPresent([Reference].self, forKey: .contributor)
        suspectEntity = try container.decodeIfPresent([AdverseEvent.SuspectEntity].self, forKey: .suspectEntity)
        subjectMedicalHistory = try container.decodeIfPresent([Reference].self, forKey: .subjectMedicalHistory)
        referenceDocument = try container.decodeIfPresent([Reference].self, forKey: .referenceDocument)
        study = try container.decodeIfPresent([Reference].self, forKey: .study)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.resourceType, forKey: .resourceType)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(`extension`, forKey: .`extension`)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encode(actuality, forKey: .actuality)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encodeIfPresent(event, forKey: .event)
        try container.encode(subject, forKey: .subject)
        try container.encodeIfPresent(encounter, forKey: .encounter)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeIfPresent(detected, forKey: .detected)
        try container.encodeIfPresent(recordedDate, forKey: .recordedDate)
        try container.encodeIfPresent(resultingCondition, forKey: .resultingCondition)
        try container.encodeIfPresent(location, forKey: .location)
        try container.encodeIfPresent(seriousness, forKey: .seriousness)
        try container.encodeIfPresent(severity, forKey: .severity)
        try container.encodeIfPresent(outcome, forKey: .outcome)
        try container.encodeIfPresent(recorder, forKey: .recorder)
        try container.encodeIfPresent(contributor, forKey: .contributor)
        try container.encodeIfPresent(suspectEntity, forKey: .suspectEntity)
        try container.encodeIfPresent(subjectMedicalHistory, forKey: .subjectMedicalHistory)
        try container.encodeIfPresent(referenceDocument, forKey: .referenceDocument)
        try container.encodeIfPresent(study, forKey: .study)
    }
}
