import Foundation
import TenderpointCore
import Vapor

/// One diary entry as the API shows it.
struct DiaryEntryDTO: Content, Equatable {
    /// What a new entry's side effects put on record (DOMAIN.md §4, "Reported by the patient");
    /// only on the answer to `POST`.
    struct Reported: Content, Equatable {
        /// Adverse events recorded for the patient's latest session (source patient).
        let adverseEventIds: [UUID]
        /// Alerts raised for the clinic.
        let alertIds: [UUID]
        /// Urgent kinds named (distant spread, dysphagia, allergic reaction).
        let urgent: [AdverseEventKind]
        /// What the patient is told at once when `urgent` is not empty: call 999 or the clinic.
        let advice: String?

        init(_ written: PatientReportedEvents.Written) {
            adverseEventIds = written.adverseEventIDs
            alertIds = written.alertIDs
            urgent = written.urgent
            advice = written.urgent.isEmpty ? nil : AdverseEventPatientReport.urgentAdvice
        }
    }

    let id: UUID
    let patientId: UUID
    let recordedAt: Date
    /// The clinic calendar date of `recordedAt`.
    let date: CalendarDate
    let painNRS: Int
    @ExplicitNull var fatigue: Int? = nil
    @ExplicitNull var sleepQuality: Int? = nil
    let painAreas: [String]
    let sideEffects: [String]
    @ExplicitNull var note: String? = nil
    let enteredBy: RecordAuthor
    /// When the entry was made (null for entries stored before this was kept).
    @ExplicitNull var enteredAt: Date? = nil
    /// Made more than a day after the moment it describes (`DiaryDateRule.isLateEntry`): shown
    /// as "entered later" beside it.
    let enteredLater: Bool
    var reported: Reported? = nil

    /// A stored row (SQLKit, for lists) joined to its author.
    struct Row: Decodable {
        let id: UUID
        let patient_id: UUID
        let recorded_at: Date
        let date: String
        let pain_nrs: Int
        let fatigue: Int?
        let sleep_quality: Int?
        let pain_areas: String?
        let side_effects: String?
        let note: String?
        let entered_by: UUID
        let author_name: String
        let author_role: String
        let created_at: Date?

        /// The columns `Row` decodes, for `FROM diary_entries d JOIN users u ON u.id = d.entered_by`.
        static let columns = """
            d.id, d.patient_id, d.recorded_at, d.date, d.pain_nrs, d.fatigue, d.sleep_quality, d.pain_areas, \
            d.side_effects, d.note, d.entered_by, u.display_name AS author_name, u.role AS author_role, d.created_at
            """
    }

    init(_ row: Row) throws {
        guard let date = CalendarDate(iso: row.date) else {
            throw Abort(.internalServerError, reason: "a stored diary entry has an unreadable date")
        }
        id = row.id
        patientId = row.patient_id
        recordedAt = row.recorded_at
        self.date = date
        painNRS = row.pain_nrs
        fatigue = row.fatigue
        sleepQuality = row.sleep_quality
        painAreas = try Self.list(row.pain_areas)
        sideEffects = try Self.list(row.side_effects)
        note = row.note
        enteredBy = RecordAuthor(id: row.entered_by, displayName: row.author_name, role: row.author_role)
        enteredAt = row.created_at
        enteredLater = row.created_at.map { DiaryDateRule.isLateEntry(recordedAt: row.recorded_at, enteredAt: $0) } ?? false
    }

    init(_ model: DiaryEntryModel, author: RecordAuthor) throws {
        guard let date = CalendarDate(iso: model.date) else {
            throw Abort(.internalServerError, reason: "a stored diary entry has an unreadable date")
        }
        id = try model.requireID()
        patientId = model.$patient.id
        recordedAt = model.recordedAt
        self.date = date
        painNRS = model.painNRS
        fatigue = model.fatigue
        sleepQuality = model.sleepQuality
        painAreas = try Self.list(model.painAreasJSON)
        sideEffects = try Self.list(model.sideEffectsJSON)
        note = model.note
        enteredBy = author
        enteredAt = model.createdAt
        enteredLater = model.createdAt.map { DiaryDateRule.isLateEntry(recordedAt: model.recordedAt, enteredAt: $0) } ?? false
    }

    /// A stored JSON list of text; none stored is an empty list.
    static func list(_ json: String?) throws -> [String] {
        guard let json else { return [] }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    static func json(_ list: [String]) -> String? {
        guard !list.isEmpty, let data = try? JSONEncoder().encode(list) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// `POST /api/patients/{id}/diary`.
struct DiaryEntryInput: Content {
    static let maximumSideEffects = 20
    static let maximumSideEffectLength = 200
    static let maximumNoteLength = 2000

    var recordedAt: Date
    var painNRS: Int
    var fatigue: Int?
    var sleepQuality: Int?
    var painAreas: [String]?
    var sideEffects: [String]?
    var note: String?

    /// The checked entry and its side effects as the core reads them (identifiers of DOMAIN.md §4
    /// become adverse events; anything else is the patient's own words, kept as written); all
    /// problems at once. `date` is the clinic calendar date of `recordedAt`, which may lie at most
    /// `maxDaysBack` days back and not in the future (`DiaryDateRule`).
    func validated(now: Date, maxDaysBack: Int, timeZone: TimeZone) throws
        -> (entry: DiaryEntryModel, sideEffects: AdverseEventPatientReport.SideEffects) {
        var problems: [Problem] = []
        if let problem = DiaryDateRule.check(recordedAt: recordedAt, now: now, maxDaysBack: maxDaysBack) {
            problems.append(problem)
        }
        do {
            _ = try PainNRS(painNRS, field: "painNRS")
        } catch {
            problems += error.all
        }
        // Fatigue and sleep quality use the same 0–10 rating as the pain NRS in the diary.
        for (field, value) in [("fatigue", fatigue), ("sleepQuality", sleepQuality)] {
            if let value, !(0...10).contains(value) {
                problems.append(Problem(.valueOutOfRange, "\(field) must be 0–10, not \(value).", field: field))
            }
        }
        var areas: [WPIArea] = []
        for (index, id) in (painAreas ?? []).enumerated() {
            let field = "painAreas[\(index)]"
            guard let area = WPIArea(rawValue: id) else {
                problems.append(Problem(.unknownIdentifier, "Unknown pain area \"\(id)\".", field: field))
                continue
            }
            guard !areas.contains(area) else {
                problems.append(Problem(.duplicateIdentifier, "Pain area \(id) is listed more than once.", field: field))
                continue
            }
            areas.append(area)
        }
        var effects: [String] = []
        if let sideEffects, sideEffects.count > Self.maximumSideEffects {
            problems.append(Problem(.invalidValue, "At most \(Self.maximumSideEffects) side effects per entry.", field: "sideEffects"))
        }
        for (index, text) in (sideEffects ?? []).enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.count > Self.maximumSideEffectLength {
                problems.append(Problem(.invalidValue, "A side effect must be 1–\(Self.maximumSideEffectLength) characters.",
                                        field: "sideEffects[\(index)]"))
            } else {
                effects.append(trimmed)
            }
        }
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmedNote, trimmedNote.count > Self.maximumNoteLength {
            problems.append(Problem(.invalidValue, "note is longer than \(Self.maximumNoteLength) characters.", field: "note"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        let read = AdverseEventPatientReport.read(effects)

        let entry = DiaryEntryModel()
        entry.id = UUID()
        entry.recordedAt = recordedAt
        entry.date = CalendarDate(recordedAt, in: timeZone).iso
        entry.painNRS = painNRS
        entry.fatigue = fatigue
        entry.sleepQuality = sleepQuality
        // Stored in the WPI's own order, so the same areas always read the same.
        entry.painAreasJSON = DiaryEntryDTO.json(WPIArea.allCases.filter(areas.contains).map(\.rawValue))
        entry.sideEffectsJSON = DiaryEntryDTO.json(read.stored)
        entry.note = trimmedNote?.isEmpty == true ? nil : trimmedNote
        return (entry, read)
    }
}
