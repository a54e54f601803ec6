import Foundation
import TenderpointCore
import Vapor

/// An adverse event after a session, as the API shows it.
struct AdverseEventDTO: Content, Equatable {
    let id: UUID
    let patientId: UUID
    let sessionId: UUID
    let sessionDate: CalendarDate?
    let kind: AdverseEventKind
    let kindLabel: String
    /// An urgent kind (distant spread, dysphagia, allergic reaction) not yet resolved: a clinician now.
    let urgent: Bool
    let onsetDate: CalendarDate
    /// `notYetAssessed` for a patient's report until a clinician records a severity.
    let severity: AdverseEventSeverity
    let serious: Bool
    /// Who put the event on record: `clinician` or `patient` (from the diary).
    let source: AdverseEventSource
    let description: String?
    let resolvedOn: CalendarDate?
    let recordedBy: UUID
    let createdAt: Date?
    /// The diary entry a patient's report came from.
    let diaryEntryId: UUID?

    init(id: UUID, patientID: UUID, sessionID: UUID, sessionDate: CalendarDate?, event: AdverseEvent, recordedBy: UUID,
         createdAt: Date?, source: AdverseEventSource = .clinician, diaryEntryID: UUID? = nil) {
        self.id = id
        patientId = patientID
        sessionId = sessionID
        self.sessionDate = sessionDate
        kind = event.kind
        kindLabel = event.kind.label
        urgent = event.isUrgent
        onsetDate = event.onsetDate
        severity = event.severity
        serious = event.serious
        description = event.description
        resolvedOn = event.resolvedOn
        self.recordedBy = recordedBy
        self.createdAt = createdAt
        self.source = source
        diaryEntryId = diaryEntryID
    }

    init(_ model: AdverseEventModel, sessionDate: CalendarDate?) throws {
        try self.init(id: model.requireID(), patientID: model.$patient.id, sessionID: model.$session.id, sessionDate: sessionDate,
                      event: model.coreEvent(), recordedBy: model.$recorder.id, createdAt: model.createdAt,
                      source: AdverseEventSource(rawValue: model.source) ?? .clinician, diaryEntryID: model.diaryEntryID)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(patientId, forKey: .patientId)
        try container.encode(sessionId, forKey: .sessionId)
        try container.encodeNullable(sessionDate, forKey: .sessionDate)
        try container.encode(kind, forKey: .kind)
        try container.encode(kindLabel, forKey: .kindLabel)
        try container.encode(urgent, forKey: .urgent)
        try container.encode(onsetDate, forKey: .onsetDate)
        try container.encode(severity, forKey: .severity)
        try container.encode(serious, forKey: .serious)
        try container.encode(source, forKey: .source)
        try container.encodeNullable(description, forKey: .description)
        try container.encodeNullable(resolvedOn, forKey: .resolvedOn)
        try container.encode(recordedBy, forKey: .recordedBy)
        try container.encodeNullable(createdAt, forKey: .createdAt)
        try container.encodeNullable(diaryEntryId, forKey: .diaryEntryId)
    }
}

/// `POST …/adverse-events` and, with every field optional, `PATCH …/adverse-events/{id}`.
/// Identifiers and dates are text so that each bad one is a 422 naming its field, all at once.
struct AdverseEventInput: Content {
    var kind: String?
    var onsetDate: String?
    var severity: String?
    var serious: Bool?
    var description: String?
    var resolvedOn: String?

    /// The event with this input applied over `current` (nil when creating: then kind, onsetDate,
    /// severity and serious are required), checked by the core against the session.
    func validated(over current: AdverseEvent?, sessionDate: CalendarDate, today: CalendarDate) throws -> AdverseEvent {
        var problems: [Problem] = []
        func required(_ field: String) {
            problems.append(Problem(.invalidValue, "\(field) is required.", field: field))
        }
        var kindValue = current?.kind
        if let kind {
            kindValue = AdverseEventKind(rawValue: kind)
            if kindValue == nil {
                problems.append(Problem(.unknownIdentifier,
                                        "kind must be one of \(AdverseEventKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                                        field: "kind"))
            }
        } else if current == nil {
            required("kind")
        }
        var severityValue = current?.severity
        if let severity {
            // A clinician records an assessed severity; "not yet assessed" is a patient report's until then.
            severityValue = AdverseEventSeverity(rawValue: severity).flatMap { AdverseEventSeverity.assessed.contains($0) ? $0 : nil }
            if severityValue == nil {
                problems.append(Problem(.unknownIdentifier,
                                        "severity must be one of \(AdverseEventSeverity.assessed.map(\.rawValue).joined(separator: ", ")).",
                                        field: "severity"))
            }
        } else if current == nil {
            required("severity")
        }
        var onset = current?.onsetDate
        if let onsetDate {
            onset = CalendarDate(iso: onsetDate)
            if onset == nil { problems.append(Problem(.invalidDate, "onsetDate must be a date YYYY-MM-DD.", field: "onsetDate")) }
        } else if current == nil {
            required("onsetDate")
        }
        var resolved = current?.resolvedOn
        if let resolvedOn {
            resolved = CalendarDate(iso: resolvedOn)
            if resolved == nil { problems.append(Problem(.invalidDate, "resolvedOn must be a date YYYY-MM-DD.", field: "resolvedOn")) }
        }
        let seriousValue = serious ?? current?.serious
        if seriousValue == nil { required("serious") }
        guard problems.isEmpty, let kindValue, let severityValue, let onset, let seriousValue else { throw Problems(problems) }
        return try AdverseEvent(kind: kindValue, onsetDate: onset, severity: severityValue, serious: seriousValue,
                                description: description ?? current?.description, resolvedOn: resolved,
                                sessionDate: sessionDate, today: today)
    }
}

extension AdverseEventModel {
    /// The stored event as the core sees it. It was checked against its session when written;
    /// it is not checked again here (today moves on; the dates do not).
    func coreEvent() throws -> AdverseEvent {
        guard let kind = AdverseEventKind(rawValue: kind), let severity = AdverseEventSeverity(rawValue: severity),
              let onset = CalendarDate(iso: onsetDate) else {
            throw Abort(.internalServerError, reason: "stored adverse event cannot be read")
        }
        let resolved = resolvedOn.flatMap { CalendarDate(iso: $0) }
        return try AdverseEvent(kind: kind, onsetDate: onset, severity: severity, serious: serious, description: details,
                                resolvedOn: resolved, sessionDate: onset, today: max(onset, resolved ?? onset))
    }

    func apply(_ event: AdverseEvent) {
        kind = event.kind.rawValue
        onsetDate = event.onsetDate.iso
        severity = event.severity.rawValue
        serious = event.serious
        details = event.description
        resolvedOn = event.resolvedOn?.iso
    }
}
