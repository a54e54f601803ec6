import Foundation
import TenderpointCore

/// The diary form's fields exactly as typed, so a refused entry comes back unchanged, and their
/// translation into the API's `DiaryEntryInput` (whose `validated` holds the rules).
struct DiaryForm: Sendable, Equatable {
    /// Side effects offered as boxes to tick, sent as their identifiers: the kinds the core lets a
    /// patient report (increased pain is what the pain score records).
    static let sideEffectChoices: [AdverseEventKind] = AdverseEventPatientReport.reportableKinds

    var painNRS = ""
    var fatigue = ""
    var sleepQuality = ""
    var painAreas: Set<String> = []
    var sideEffects: Set<String> = []
    var otherSideEffect = ""
    var note = ""

    init() {}

    init(_ form: WebForm) {
        painNRS = form["painNRS"] ?? ""
        fatigue = form["fatigue"] ?? ""
        sleepQuality = form["sleepQuality"] ?? ""
        painAreas = Set(form.all("painAreas"))
        sideEffects = Set(form.all("sideEffects"))
        otherSideEffect = form["otherSideEffect"] ?? ""
        note = form["note"] ?? ""
    }

    /// The API's input, or the problems of fields that are not even numbers (the API's own
    /// checks, such as 0–10, come after, from `DiaryEntryInput.validated`).
    func input(recordedAt: Date) -> (input: DiaryEntryInput?, errors: [String: String]) {
        var errors: [String: String] = [:]
        func number(_ text: String, _ field: String, required: Bool) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if required { errors[field] = "Choose a number from 0 to 10." }
                return nil
            }
            guard let value = Int(trimmed) else {
                errors[field] = "Choose a number from 0 to 10."
                return nil
            }
            return value
        }
        let pain = number(painNRS, "painNRS", required: true)
        let fatigueValue = number(fatigue, "fatigue", required: false)
        let sleepValue = number(sleepQuality, "sleepQuality", required: false)
        guard errors.isEmpty, let pain else { return (nil, errors) }
        // Offered boxes in the order shown; anything else sent is passed on for the API to judge.
        let ticked = Self.sideEffectChoices.map(\.rawValue).filter(sideEffects.contains)
            + sideEffects.subtracting(Self.sideEffectChoices.map(\.rawValue)).sorted()
        let other = otherSideEffect.trimmingCharacters(in: .whitespacesAndNewlines)
        let areas = WPIArea.allCases.map(\.rawValue).filter(painAreas.contains) + painAreas.subtracting(WPIArea.allCases.map(\.rawValue)).sorted()
        let trimmedNote = note.trimmingCharacters(in: .whitespacesAndNewlines)
        return (DiaryEntryInput(recordedAt: recordedAt, painNRS: pain, fatigue: fatigueValue, sleepQuality: sleepValue,
                                painAreas: areas, sideEffects: ticked + (other.isEmpty ? [] : [other]),
                                note: trimmedNote.isEmpty ? nil : trimmedNote), [:])
    }

    /// The API's field names (`painAreas[2]`) as the form's fields (`painAreas`).
    static func formField(_ apiField: String?) -> String {
        guard let apiField else { return "form" }
        return String(apiField.prefix { $0 != "[" && $0 != "." })
    }

}
