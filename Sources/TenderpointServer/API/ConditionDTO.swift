import Foundation
import TenderpointCore
import Vapor

/// The clinical status of a diagnosis (FHIR's condition-clinical codes the clinic uses).
enum ConditionClinicalStatus: String, Codable, CaseIterable, Sendable {
    case active, resolved, inactive
}

/// A diagnosis as the API shows it, with its standard codes from the core's code table.
struct ConditionDTO: Content, Equatable {
    let id: UUID
    let patientId: UUID
    let kind: ClinicalCodes.Condition
    let name: String
    let codes: [ClinicalCodes.Coding]
    @ExplicitNull var onsetDate: CalendarDate? = nil
    let recordedDate: CalendarDate
    let clinicalStatus: ConditionClinicalStatus
    @ExplicitNull var note: String? = nil
    @ExplicitNull var createdAt: Date? = nil

    init(_ model: ConditionModel) throws {
        guard let kind = ClinicalCodes.Condition(rawValue: model.kind),
              let status = ConditionClinicalStatus(rawValue: model.clinicalStatus),
              let recorded = CalendarDate(iso: model.recordedDate) else {
            throw Abort(.internalServerError, reason: "a stored condition has an unreadable kind, status or date")
        }
        id = try model.requireID()
        patientId = model.$patient.id
        self.kind = kind
        name = kind.name
        codes = kind.codings
        onsetDate = model.onsetDate.flatMap(CalendarDate.init(iso:))
        recordedDate = recorded
        clinicalStatus = status
        note = model.note
        createdAt = model.createdAt
    }
}

/// `POST /api/patients/{id}/conditions` and, with every field optional,
/// `PATCH /api/patients/{id}/conditions/{conditionID}`.
struct ConditionInput: Content {
    static let maximumNoteLength = 2000

    var kind: String?
    var onsetDate: String?
    var clinicalStatus: String?
    var note: String?

    /// Checks every field and applies it to `model`; all problems at once. The onset must lie
    /// between the patient's birth and today.
    func apply(to model: ConditionModel, creating: Bool, today: CalendarDate, birthDate: CalendarDate?) throws {
        var problems: [Problem] = []
        var kindValue: ClinicalCodes.Condition?
        if let kind {
            kindValue = ClinicalCodes.Condition(rawValue: kind)
            if kindValue == nil {
                let known = ClinicalCodes.Condition.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(Problem(.unknownIdentifier, "kind must be one of \(known), not \"\(kind)\".", field: "kind"))
            }
        } else if creating {
            problems.append(Problem(.invalidValue, "kind is required.", field: "kind"))
        }
        var onset: CalendarDate?
        if let onsetDate {
            onset = CalendarDate(iso: onsetDate)
            if let date = onset {
                if let problem = Bounded.pastDate(date, today: today, birthDate: birthDate, field: "onsetDate") {
                    problems.append(problem)
                }
            } else {
                problems.append(Problem(.invalidDate, "onsetDate must be a date YYYY-MM-DD.", field: "onsetDate"))
            }
        }
        var status: ConditionClinicalStatus?
        if let clinicalStatus {
            status = ConditionClinicalStatus(rawValue: clinicalStatus)
            if status == nil {
                problems.append(Problem(.unknownIdentifier, "clinicalStatus must be one of active, resolved, inactive.", field: "clinicalStatus"))
            }
        }
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmedNote, trimmedNote.count > Self.maximumNoteLength {
            problems.append(Problem(.invalidValue, "note is longer than \(Self.maximumNoteLength) characters.", field: "note"))
        }
        guard problems.isEmpty else { throw Problems(problems) }

        if let kindValue { model.kind = kindValue.rawValue }
        if let onset { model.onsetDate = onset.iso }
        if let status {
            model.clinicalStatus = status.rawValue
        } else if creating {
            model.clinicalStatus = ConditionClinicalStatus.active.rawValue
        }
        if let trimmedNote { model.note = trimmedNote.isEmpty ? nil : trimmedNote }
        if creating { model.recordedDate = today.iso }
    }
}
