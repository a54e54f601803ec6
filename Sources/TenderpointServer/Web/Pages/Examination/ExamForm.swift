import Foundation
import TenderpointCore

/// The examination form's fields as typed (so a refused form comes back unchanged) and their
/// translation into the API's `AssessmentInput`, whose `validated` scores with the core.
struct ExamForm: Sendable, Equatable {
    enum Section: String, CaseIterable, Sendable {
        case tenderPoints, acr2016, fiqr
    }

    var date = ""
    var sections: Set<Section> = Set(Section.allCases)
    /// Positive tender points (`tp` = `occiput.left`…) and their optional 0–10 pain (`tpPain.occiput.left`).
    var positive: Set<String> = []
    var pointPain: [String: String] = [:]
    var widespreadPainMonths = ""
    var painAreas: Set<String> = []
    var fatigue = ""
    var wakingUnrefreshed = ""
    var cognitiveSymptoms = ""
    var headaches = false
    var lowerAbdominalPain = false
    var depression = false
    var symptomMonths = ""
    /// FIQR items 1–21 (`fiqr1`…`fiqr21`), blank when unanswered.
    var fiqr: [String] = Array(repeating: "", count: FIQRItem.allCases.count)
    var painNRS = ""
    var pgic = ""
    var note = ""

    init(today: CalendarDate) {
        date = today.iso
    }

    init(_ form: WebForm) {
        date = form["date"] ?? ""
        sections = Set(form.all("section").compactMap(Section.init(rawValue:)))
        positive = Set(form.all("tp"))
        for site in TenderPointSite.all { if let value = form["tpPain.\(site.id)"], !value.isEmpty { pointPain[site.id] = value } }
        widespreadPainMonths = form["widespreadPainMonths"] ?? ""
        painAreas = Set(form.all("painAreas"))
        fatigue = form["fatigue"] ?? ""
        wakingUnrefreshed = form["wakingUnrefreshed"] ?? ""
        cognitiveSymptoms = form["cognitiveSymptoms"] ?? ""
        headaches = form["headaches"] != nil
        lowerAbdominalPain = form["lowerAbdominalPain"] != nil
        depression = form["depression"] != nil
        symptomMonths = form["symptomMonths"] ?? ""
        fiqr = FIQRItem.allCases.map { form["fiqr\($0.number)"] ?? "" }
        painNRS = form["painNRS"] ?? ""
        pgic = form["pgic"] ?? ""
        note = form["note"] ?? ""
    }

    /// The API's input, or the fields that are not numbers at all (ranges and every rule are
    /// the API's and the core's to judge).
    func input() -> (input: AssessmentInput?, errors: [String: String]) {
        var errors: [String: String] = [:]
        func number(_ text: String, _ field: String) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let value = Int(trimmed) else {
                errors[field] = "Enter a whole number."
                return nil
            }
            return value
        }
        var input = AssessmentInput()
        input.date = date.trimmingCharacters(in: .whitespaces).isEmpty ? nil : date.trimmingCharacters(in: .whitespaces)
        if sections.contains(.tenderPoints) {
            var pain: [String: Int] = [:]
            for (site, text) in pointPain { if let value = number(text, "tenderPoints") { pain[site] = value } }
            input.tenderPoints = AssessmentInput.TenderPoints(
                positive: TenderPointSite.all.map(\.id).filter(positive.contains) + positive.subtracting(TenderPointSite.all.map(\.id)).sorted(),
                pain: pain.isEmpty ? nil : pain, widespreadPainMonths: number(widespreadPainMonths, "widespreadPainMonths"))
        }
        if sections.contains(.acr2016) {
            let answers = [("fatigue", fatigue), ("wakingUnrefreshed", wakingUnrefreshed), ("cognitiveSymptoms", cognitiveSymptoms)]
            var levels: [String: Int] = [:]
            for (field, text) in answers {
                if text.isEmpty { errors["acr2016"] = "Answer fatigue, waking unrefreshed and cognitive symptoms (0–3)." }
                else if let value = number(text, "acr2016") { levels[field] = value }
            }
            if let fatigue = levels["fatigue"], let waking = levels["wakingUnrefreshed"], let cognitive = levels["cognitiveSymptoms"] {
                input.acr2016 = ScoreDTO.ACR2016Input(
                    painAreas: WPIArea.allCases.map(\.rawValue).filter(painAreas.contains) + painAreas.subtracting(WPIArea.allCases.map(\.rawValue)).sorted(),
                    fatigue: fatigue, wakingUnrefreshed: waking, cognitiveSymptoms: cognitive,
                    headaches: headaches, lowerAbdominalPain: lowerAbdominalPain, depression: depression,
                    symptomMonths: number(symptomMonths, "symptomMonths"), administeredBy: .clinician)
            }
        }
        if sections.contains(.fiqr) {
            input.fiqr = ScoreDTO.FIQRInput(answers: fiqr.enumerated().map { number($0.element, "fiqr\($0.offset + 1)") })
        }
        input.painNRS = number(painNRS, "painNRS")
        input.pgic = number(pgic, "pgic")
        let trimmedNote = note.trimmingCharacters(in: .whitespacesAndNewlines)
        input.note = trimmedNote.isEmpty ? nil : trimmedNote
        return errors.isEmpty ? (input, [:]) : (nil, errors)
    }

    /// The API's field (`fiqr.answers[3]`, `acr2016.painAreas[0]`, `tenderPoints.positive[2]`)
    /// as the form's place to show it (`fiqr4`, `painAreas`, `tenderPoints`).
    static func formField(_ apiField: String?) -> String {
        guard let apiField else { return "form" }
        if apiField.hasPrefix("fiqr.answers["), let index = Int(apiField.dropFirst("fiqr.answers[".count).prefix { $0.isNumber }) {
            return "fiqr\(index + 1)"
        }
        if apiField.hasPrefix("acr2016.painAreas") { return "painAreas" }
        if apiField == "tenderPoints.widespreadPainMonths" { return "widespreadPainMonths" }
        if apiField == "acr2016.symptomMonths" { return "symptomMonths" }
        return String(apiField.prefix { $0 != "." && $0 != "[" })
    }
}
