import Foundation
import Plot
import TenderpointCore

/// The patient's start page: today's diary entry in a few taps (pain, fatigue, sleep, where it
/// hurts on the body chart or in the list, side effects), and the entries already made today.
/// Several entries a day are welcome: each is saved with the time it was made.
enum DiaryPage {
    struct Model: Sendable {
        var patientName: String
        var form = DiaryForm()
        /// Problems by form field (`painNRS`, `painAreas`, …; `form` for the whole form).
        var errors: [String: String] = [:]
        var todaysEntries: [DiaryEntryDTO] = []
        /// Set just after an entry was saved.
        var saved: Bool = false
        var urgent: Bool = false
    }

    static let fieldOrder = ["form", "recordedAt", "painNRS", "fatigue", "sleepQuality", "painAreas", "sideEffects", "note"]

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let errors = DiaryPage.fieldOrder.compactMap { field in model.errors[field].map { (field: field, message: $0) } }
                + model.errors.filter { !DiaryPage.fieldOrder.contains($0.key) }.map { (field: $0.key, message: $0.value) }
            return Layout.document(title: "My diary", context: context, bodyClass: "portal", main: .group(
                .h1("How are you today?"),
                .p(.class("muted"), .safe(model.patientName), .text(" · "), .safe(WebFormat.date(context.today))),
                .if(model.saved, .div(.class("notice"), .attribute(named: "role", value: "status"), "Saved. Thank you — you can add another entry at any time.")),
                .if(model.urgent, .div(.class("error-summary urgent-advice"), .id("urgent-advice"), .attribute(named: "role", value: "alert"),
                    .h2("Call 999 now if you have difficulty breathing or swallowing"),
                    .p(.strong("Otherwise, please call the clinic now.")),
                    .p(.safe(AdverseEventPatientReport.urgentAdvice)),
                    .p("The clinic has also been alerted to what you reported."))),
                FormControls.errorSummary(errors),
                form(model, context: context),
                .section(.attribute(named: "aria-labelledby", value: "today-heading"),
                    .h2(.id("today-heading"), "Today's entries"),
                    model.todaysEntries.isEmpty ? .p(.class("empty"), "No entry yet today.")
                        : DiaryEntryList.render(model.todaysEntries, timeZone: context.timeZone, showDate: false),
                    .p(.a(.href("/portal/chart"), "See my chart")))
            ))
        }

        private static func form(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            let form = model.form
            let areaError = model.errors["painAreas"]
            let sideEffectError = model.errors["sideEffects"]
            return .form(
                .action("/portal/diary"), .method(.post), .novalidate(),
                Layout.csrfField(context),
                FormControls.scale(name: "painNRS", legend: "Pain over the last 24 hours", low: "no pain", high: "worst pain imaginable",
                                   selected: form.painNRS, error: model.errors["painNRS"], required: true),
                FormControls.scale(name: "fatigue", legend: "Tiredness", low: "not tired", high: "exhausted",
                                   selected: form.fatigue, error: model.errors["fatigue"]),
                FormControls.scale(name: "sleepQuality", legend: "Sleep last night", low: "very bad", high: "very good",
                                   selected: form.sleepQuality, error: model.errors["sleepQuality"]),
                .fieldset(
                    .id("painAreas-field"), .class(areaError == nil ? "field" : "field field--error"),
                    .element(named: "legend", nodes: [.text("Where does it hurt?"), .span(.class("muted"), " (tap the body or tick the list)")]),
                    FormControls.errorMessage("painAreas", areaError),
                    .div(.class("body-chart"),
                         .forEach(ChartView.allCases) { view in
                             .element(named: "figure", nodes: [
                                 .raw(BodyChart.svg(view: view, areas: Set(form.painAreas.compactMap(WPIArea.init(rawValue:))))),
                                 .element(named: "figcaption", nodes: [.text(view == .front ? "Front" : "Back")]),
                             ])
                         }),
                    FormControls.checkboxes(name: "painAreas", idPrefix: "area",
                                            options: WPIArea.allCases.map { ($0.rawValue, $0.name) }, checked: form.painAreas)),
                .fieldset(
                    .id("sideEffects-field"), .class(sideEffectError == nil ? "field" : "field field--error"),
                    .element(named: "legend", nodes: [.text("Anything new since your last entry?"), .span(.class("muted"), " (optional)")]),
                    FormControls.errorMessage("sideEffects", sideEffectError),
                    FormControls.checkboxes(name: "sideEffects", idPrefix: "effect",
                                            options: DiaryForm.sideEffectChoices.map { ($0.rawValue, $0.label) }, checked: form.sideEffects),
                    .div(.class("field"),
                         .label(.for("otherSideEffect"), "Something else"),
                         .input(.type(.text), .id("otherSideEffect"), .name("otherSideEffect"), .attr("value", form.otherSideEffect),
                                .attr("maxlength", "\(DiaryEntryInput.maximumSideEffectLength)")))),
                .div(.id("note-field"), .class(model.errors["note"] == nil ? "field" : "field field--error"),
                     .label(.for("note"), "Note", .span(.class("muted"), " (optional)")),
                     FormControls.errorMessage("note", model.errors["note"]),
                     .textarea(.id("note"), .name("note"), .attribute(named: "maxlength", value: "\(DiaryEntryInput.maximumNoteLength)"),
                               .safe(form.note))),
                .button(.type(.submit), .text("Save entry"))
            )
        }
    }
}
