import Foundation
import Plot
import TenderpointCore

/// The examination form: the 18 ACR 1990 tender points and the 19 WPI areas on a body chart
/// (front and back; also a list), the SSS, the FIQR's 21 items, pain NRS and PGIC. Scores
/// appear as they are entered (the script asks the scoring endpoints) or with "Check scores";
/// the server scores again when the examination is saved.
enum ExaminationPage {
    struct Scores: Sendable {
        var tenderPoints: ScoreDTO.TenderPointScores?
        var acr2016: ScoreDTO.ACR2016Scores?
        var fiqr: ScoreDTO.FIQRScores?
    }

    struct Model: Sendable {
        let patientID: UUID
        let patientName: String
        var form: ExamForm
        var errors: [String: String] = [:]
        var scores = Scores()
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let errors = model.errors.sorted { $0.key < $1.key }.map { (field: $0.key, message: $0.value) }
            let form = model.form
            return Layout.document(title: "Examination", context: context, main: .group(
                .p(.a(.href("/patients/\(model.patientID.uuidString)"), .text("← "), .safe(model.patientName))),
                .h1(.text("Examination: "), .safe(model.patientName)),
                FormControls.errorSummary(errors, title: "The examination was not saved"),
                .form(
                    .class("exam-form"), .action("/patients/\(model.patientID.uuidString)/examination"), .method(.post), .novalidate(),
                    .attribute(named: "data-live-scores", value: "true"),
                    Layout.csrfField(context),
                    .div(.id("date-field"), .class(model.errors["date"] == nil ? "field" : "field field--error"),
                         .label(.for("date"), "Date"),
                         FormControls.errorMessage("date", model.errors["date"]),
                         .input(.type(.date), .id("date"), .name("date"), .attr("value", form.date))),
                    tenderPoints(model),
                    acr2016(model),
                    fiqr(model),
                    .fieldset(.class("field"),
                        .element(named: "legend", nodes: [.text("Today")]),
                        FormControls.scale(name: "painNRS", legend: "Pain NRS (average over 24 hours)", low: "no pain", high: "worst imaginable",
                                           selected: form.painNRS, error: model.errors["painNRS"]),
                        .div(.id("pgic-field"), .class(model.errors["pgic"] == nil ? "field" : "field field--error"),
                             .label(.for("pgic"), "PGIC (since the start of treatment)", .span(.class("muted"), " (optional)")),
                             FormControls.errorMessage("pgic", model.errors["pgic"]),
                             FormControls.select(id: "pgic", name: "pgic", selected: form.pgic,
                                                 options: [("", "—")] + PGIC.allCases.map { ("\($0.rawValue)", "\($0.rawValue) – \($0.label)") }))),
                    .div(.id("note-field"), .class("field"),
                         .label(.for("note"), "Note", .span(.class("muted"), " (optional)")),
                         FormControls.errorMessage("note", model.errors["note"]),
                         .textarea(.id("note"), .name("note"), .safe(form.note))),
                    .div(.class("actions"),
                         .button(.type(.submit), .name("action"), .value("save"), .text("Save examination")),
                         .button(.type(.submit), .name("action"), .value("preview"), .class("secondary"), .text("Check scores")))
                )
            ))
        }

        private static func sectionToggle(_ section: ExamForm.Section, _ form: ExamForm, _ label: String) -> Node<HTML.FormContext> {
            .div(.class("section-toggle"),
                 .input(.type(.checkbox), .id("section-\(section.rawValue)"), .name("section"), .attr("value", section.rawValue),
                        .flag("checked", form.sections.contains(section))),
                 .label(.for("section-\(section.rawValue)"), .safe(label)))
        }

        private static func output(_ id: String, _ text: String?) -> Node<HTML.FormContext> {
            .element(named: "output", nodes: [.attribute(named: "id", value: id), .attribute(named: "class", value: "live-score"),
                                              .attribute(named: "aria-live", value: "polite"), .safe(text ?? "")])
        }

        private static func tenderPoints(_ model: Model) -> Node<HTML.FormContext> {
            let form = model.form
            let positive = Set(form.positive.compactMap(TenderPointSite.init(id:)))
            let scores = model.scores.tenderPoints.map { "\($0.count) of 18 positive — ACR 1990 criterion \($0.criteriaMet ? "met" : "not met")" }
            return .fieldset(
                .id("tenderPoints-field"), .class(model.errors["tenderPoints"] == nil ? "field exam-section" : "field exam-section field--error"),
                .element(named: "legend", nodes: [.text("Tender points (ACR 1990)")]),
                sectionToggle(.tenderPoints, form, "Record the tender-point examination"),
                .p(.class("hint"), "Tick a point when palpation at about 4 kg was painful (tender alone is not positive). Pain 0–10 is optional."),
                FormControls.errorMessage("tenderPoints", model.errors["tenderPoints"]),
                .div(.class("body-chart"), .forEach(ChartView.allCases) { view in
                    .element(named: "figure", nodes: [
                        .raw(BodyChart.svg(view: view, areas: nil, points: positive)),
                        .element(named: "figcaption", nodes: [.text(view == .front ? "Front" : "Back")]),
                    ])
                }),
                .div(.class("table-scroll"), .table(.class("points"),
                    .thead(.tr(.th("Point"), .th("Positive"), .th("Pain 0–10"))),
                    .tbody(.forEach(TenderPointSite.all) { site in
                        .tr(.td(.label(.for("tp-\(site.id)"), .safe(site.name)), .div(.class("hint"), .safe(site.location.landmark))),
                            .td(.input(.type(.checkbox), .id("tp-\(site.id)"), .name("tp"), .attr("value", site.id),
                                       .flag("checked", form.positive.contains(site.id)))),
                            .td(.input(.type(.number), .attr("min", "0"), .attr("max", "10"), .attr("inputmode", "numeric"),
                                       .class("narrow"), .name("tpPain.\(site.id)"), .attr("value", form.pointPain[site.id] ?? ""),
                                       .attr("aria-label", "Pain at \(site.name), 0 to 10"))))
                    }))),
                .div(.id("widespreadPainMonths-field"), .class("field"),
                     .label(.for("widespreadPainMonths"), "Widespread pain for how many months?"),
                     FormControls.errorMessage("widespreadPainMonths", model.errors["widespreadPainMonths"]),
                     .input(.type(.number), .id("widespreadPainMonths"), .name("widespreadPainMonths"), .class("narrow"),
                            .attr("min", "0"), .attr("value", form.widespreadPainMonths))),
                output("score-tender-points", scores))
        }

        private static func acr2016(_ model: Model) -> Node<HTML.FormContext> {
            let form = model.form
            let scores = model.scores.acr2016.map {
                "WPI \($0.wpi)/19, SSS \($0.sss)/12, FS \($0.fs)/31 (\($0.severityBand.label.lowercased())); regions with pain \($0.regionsWithPain)/5; 2016 criteria \($0.criteriaMet ? "met" : "not met")"
            }
            func level(_ name: String, _ legend: String, _ selected: String) -> Node<HTML.FormContext> {
                .fieldset(.class("field"),
                    .element(named: "legend", nodes: [.safe(legend)]),
                    .div(.class("levels"), .forEach(["0 none", "1 slight", "2 moderate", "3 severe"].enumerated()) { index, text in
                        .group(.input(.type(.radio), .id("\(name)-\(index)"), .name(name), .attr("value", "\(index)"),
                                      .flag("checked", selected == "\(index)")),
                               .label(.for("\(name)-\(index)"), .safe(text)))
                    }))
            }
            func yes(_ name: String, _ label: String, _ checked: Bool) -> Node<HTML.FormContext> {
                .div(.input(.type(.checkbox), .id(name), .name(name), .attr("value", "yes"), .flag("checked", checked)),
                     .label(.class("inline"), .for(name), .safe(label)))
            }
            return .fieldset(
                .id("acr2016-field"), .class(model.errors["acr2016"] == nil ? "field exam-section" : "field exam-section field--error"),
                .element(named: "legend", nodes: [.text("Widespread Pain Index and Symptom Severity (ACR 2016)")]),
                sectionToggle(.acr2016, form, "Record the 2016 criteria (clinician-administered)"),
                FormControls.errorMessage("acr2016", model.errors["acr2016"]),
                .fieldset(.id("painAreas-field"), .class(model.errors["painAreas"] == nil ? "field" : "field field--error"),
                    .element(named: "legend", nodes: [.text("Pain in the last week")]),
                    FormControls.errorMessage("painAreas", model.errors["painAreas"]),
                    .div(.class("body-chart"), .forEach(ChartView.allCases) { view in
                        .element(named: "figure", nodes: [
                            .raw(BodyChart.svg(view: view, areas: Set(form.painAreas.compactMap(WPIArea.init(rawValue:))))),
                            .element(named: "figcaption", nodes: [.text(view == .front ? "Front" : "Back")]),
                        ])
                    }),
                    FormControls.checkboxes(name: "painAreas", idPrefix: "wpi", options: WPIArea.allCases.map { ($0.rawValue, $0.name) },
                                            checked: form.painAreas)),
                level("fatigue", "Fatigue", form.fatigue),
                level("wakingUnrefreshed", "Waking unrefreshed", form.wakingUnrefreshed),
                level("cognitiveSymptoms", "Cognitive symptoms", form.cognitiveSymptoms),
                .fieldset(.class("field"),
                    .element(named: "legend", nodes: [.text("In the past 6 months")]),
                    yes("headaches", "Headaches", form.headaches),
                    yes("lowerAbdominalPain", "Pain or cramps in the lower abdomen", form.lowerAbdominalPain),
                    yes("depression", "Depression", form.depression)),
                .div(.id("symptomMonths-field"), .class("field"),
                     .label(.for("symptomMonths"), "Symptoms at a similar level for how many months?"),
                     FormControls.errorMessage("symptomMonths", model.errors["symptomMonths"]),
                     .input(.type(.number), .id("symptomMonths"), .name("symptomMonths"), .class("narrow"), .attr("min", "0"),
                            .attr("value", form.symptomMonths))),
                output("score-acr2016", scores))
        }

        private static func fiqr(_ model: Model) -> Node<HTML.FormContext> {
            let form = model.form
            let scores = model.scores.fiqr.map { score -> String in
                guard score.valid, let total = score.total, let function = score.function, let impact = score.overallImpact,
                      let symptoms = score.symptoms else {
                    return "Not scorable yet: \(score.invalidReason ?? "answers missing")"
                }
                return "Total \(WebFormat.oneDecimal(total)) (\(score.severityBand?.label.lowercased() ?? "")): function \(WebFormat.oneDecimal(function)), overall impact \(WebFormat.oneDecimal(impact)), symptoms \(WebFormat.oneDecimal(symptoms))"
            }
            return .fieldset(
                .id("fiqr-field"), .class("field exam-section"),
                .element(named: "legend", nodes: [.text("FIQR (21 items, 0–10)")]),
                sectionToggle(.fiqr, form, "Record the FIQR"),
                .p(.class("hint"), "Item numbers and short labels; the licensed wording is on the clinic's paper form."),
                .div(.class("fiqr-items"), .forEach(FIQRItem.allCases) { item in
                    let name = "fiqr\(item.number)"
                    return .div(.id("\(name)-field"), .class(model.errors[name] == nil ? "fiqr-item" : "fiqr-item field--error"),
                                .label(.for(name), .safe("\(item.number). \(item.label)")),
                                FormControls.errorMessage(name, model.errors[name]),
                                .input(.type(.number), .id(name), .name(name), .class("narrow"), .attr("min", "0"), .attr("max", "10"),
                                       .attr("inputmode", "numeric"), .attr("value", form.fiqr[item.number - 1])))
                }),
                output("score-fiqr", scores))
        }
    }
}
