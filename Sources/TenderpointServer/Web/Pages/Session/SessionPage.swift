import Foundation
import Plot
import TenderpointCore

/// Charting an injection session: the vial (lot first; only vials usable now are offered), the
/// screening checklist and consent, the sites (tap a tender point or choose from the list) and
/// their units. The core checks everything on saving and every problem is shown beside its field.
enum SessionPage {
    struct Vial: Sendable, Equatable {
        let id: UUID
        let label: String
        let product: ToxinProduct
        let limits: DoseLimits?
    }

    struct Consent: Sendable, Equatable {
        let id: UUID
        let label: String
    }

    struct Clinician: Sendable, Equatable {
        let id: UUID
        let name: String
    }

    struct Model: Sendable {
        let patientID: UUID
        let patientName: String
        let vials: [Vial]
        let consents: [Consent]
        let clinicians: [Clinician]
        let screeningEffects: [ScreeningItem: ScreeningEffect]
        let role: Role
        var form: SessionForm
        var errors: [String: String] = [:]
    }

    static func site(_ value: String) -> InjectionSite? {
        if value.hasPrefix("muscle:") { return MuscleSite(id: String(value.dropFirst(7))).map(InjectionSite.muscle) }
        return TenderPointSite(id: String(value.dropFirst(value.hasPrefix("tenderPoint:") ? 12 : 0))).map(InjectionSite.tenderPoint)
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let errors = model.errors.sorted { $0.key < $1.key }.map { (field: $0.key, message: $0.value) }
            let form = model.form
            func fieldClass(_ name: String) -> String { model.errors[name] == nil ? "field" : "field field--error" }
            return Layout.document(title: "Chart a session", context: context, main: .group(
                .p(.a(.href("/patients/\(model.patientID.uuidString)"), .text("← "), .safe(model.patientName))),
                .h1(.text("Chart a session: "), .safe(model.patientName)),
                FormControls.errorSummary(errors, title: "The session was not charted"),
                .form(
                    .class("session-form"), .action("/patients/\(model.patientID.uuidString)/session"), .method(.post), .novalidate(),
                    Layout.csrfField(context),
                    .div(.id("date-field"), .class(fieldClass("date")),
                         .label(.for("date"), "Session date"),
                         FormControls.errorMessage("date", model.errors["date"]),
                         .input(.type(.date), .id("date"), .name("date"), .attr("value", form.date))),
                    .div(.id("vialId-field"), .class(fieldClass("vialId")),
                         .label(.for("vialId"), "Vial (lot)"),
                         .p(.class("hint"), "Only unexpired vials usable now are listed: reconstituted, within their in-use period."),
                         FormControls.errorMessage("vialId", model.errors["vialId"]),
                         model.vials.isEmpty ? .p(.class("empty"), "No usable vial in stock: reconstitute one first.")
                             : FormControls.select(id: "vialId", name: "vialId", selected: form.vialID,
                                                   options: [("", "Choose a vial")] + model.vials.map { ($0.id.uuidString, $0.label) }),
                         .ul(.class("hint"), .forEach(Set(model.vials.map(\.product)).sorted { $0.rawValue < $1.rawValue }) { product in
                             let limits = model.vials.first { $0.product == product }?.limits
                             return .li(.safe(limits.map { "\(product.rawValue): at most \($0.perSite) per site, \($0.perSession) per session, \($0.cumulativeThreeMonths) in 3 months" }
                                              ?? "\(product.rawValue): no dose limits set — it cannot be charted"))
                         })),
                    .div(.id("consentId-field"), .class(fieldClass("consentId")),
                         .label(.for("consentId"), "Consent on record"),
                         FormControls.errorMessage("consentId", model.errors["consentId"] ?? model.errors["consent"]),
                         FormControls.select(id: "consentId", name: "consentId", selected: form.consentID,
                                             options: [("", "None")] + model.consents.map { ($0.id.uuidString, $0.label) })),
                    screening(model),
                    sites(model),
                    .div(.id("guidance-field"), .class(fieldClass("guidance")),
                         .label(.for("guidance"), "Guidance"),
                         FormControls.select(id: "guidance", name: "guidance", selected: form.guidance,
                                             options: [("landmark", "Landmark"), ("emg", "EMG"), ("ultrasound", "Ultrasound")])),
                    .if(model.role == .nurse, .div(.id("supervisorId-field"), .class(fieldClass("supervisorId")),
                         .label(.for("supervisorId"), "Supervising clinician"),
                         FormControls.errorMessage("supervisorId", model.errors["supervisorId"]),
                         FormControls.select(id: "supervisorId", name: "supervisorId", selected: form.supervisorID,
                                             options: [("", "Choose")] + model.clinicians.map { ($0.id.uuidString, $0.name) }))),
                    .if(model.role.mayOverrideClinicalRules, .div(.id("overrideReason-field"), .class(fieldClass("overrideReason")),
                         .label(.for("overrideReason"), "Override the 84-day minimum interval", .span(.class("muted"), " (clinicians only; leave blank unless needed)")),
                         .p(.class("hint"), "Only if the session is too early and you have a written clinical reason; the override is audited."),
                         FormControls.errorMessage("overrideReason", model.errors["overrideReason"]),
                         .textarea(.id("overrideReason"), .name("overrideReason"), .safe(form.overrideReason)))),
                    .div(.id("note-field"), .class(fieldClass("note")),
                         .label(.for("note"), "Note", .span(.class("muted"), " (optional)")),
                         FormControls.errorMessage("note", model.errors["note"]),
                         .textarea(.id("note"), .name("note"), .safe(form.note))),
                    .div(.class("actions"), .button(.type(.submit), .text("Chart the session")))
                )
            ))
        }

        private static func screening(_ model: Model) -> Node<HTML.FormContext> {
            .fieldset(
                .id("screening-field"), .class(model.errors["screening"] == nil ? "field exam-section" : "field exam-section field--error"),
                .element(named: "legend", nodes: [.text("Screening, asked today")]),
                FormControls.errorMessage("screening", model.errors["screening"]),
                .div(.class("table-scroll"), .table(
                    .thead(.tr(.th("Question"), .th("Answer"), .th("Acknowledged"))),
                    .tbody(.forEach(ScreeningItem.allCases) { item in
                        let name = "screening-\(item.rawValue)"
                        let answer = model.form.screening[item.rawValue] ?? ""
                        let effect: String = switch model.screeningEffects[item] {
                        case .blocks: "a yes blocks the session"
                        case .needsAcknowledgement: "a yes needs a clinician's acknowledgement"
                        case .blocksProduct(let product): "a yes blocks \(product.rawValue)"
                        default: ""
                        }
                        return .tr(.id("\(name)-field"), .class(model.errors[name] == nil ? "" : "field--error"),
                            .td(.safe(item.question), .div(.class("hint"), .safe(effect)),
                                FormControls.errorMessage(name, model.errors[name])),
                            .td(.class("nowrap"), .forEach(["no", "yes"]) { value in
                                .group(.input(.type(.radio), .id("\(name)-\(value)"), .name("screening.\(item.rawValue)"), .attr("value", value),
                                              .flag("checked", answer == value)),
                                       .label(.class("inline"), .for("\(name)-\(value)"), .safe(value == "no" ? "No " : "Yes")))
                            }),
                            .td(.if(model.screeningEffects[item] == .needsAcknowledgement,
                                    .input(.type(.checkbox), .name("acknowledged"), .attr("value", item.rawValue),
                                           .attr("aria-label", "Acknowledged: \(item.question)"),
                                           .flag("checked", model.form.acknowledged.contains(item.rawValue))))))
                    })))
            )
        }

        private static func sites(_ model: Model) -> Node<HTML.FormContext> {
            let chosen = Set(model.form.rows.compactMap { SessionPage.site($0.site) }.compactMap { site -> TenderPointSite? in
                if case .tenderPoint(let point) = site { return point } else { return nil }
            })
            let options: [(value: String, label: String)] = [("", "—")]
                + TenderPointSite.all.map { ("tenderPoint:\($0.id)", "Tender point: \($0.name)") }
                + MuscleSite.all.map { ("muscle:\($0.id)", "Muscle: \($0.name)") }
            return .fieldset(
                .id("injections-field"), .class(model.errors["injections"] == nil ? "field exam-section" : "field exam-section field--error"),
                .element(named: "legend", nodes: [.text("Sites and units")]),
                .p(.class("hint"), "Tap a tender point to fill the next empty row, or choose a site in a row. Units as on the vial's product; tenths allowed."),
                FormControls.errorMessage("injections", model.errors["injections"]),
                .div(.class("body-chart"), .attribute(named: "data-fill-rows", value: "true"), .forEach(ChartView.allCases) { view in
                    .element(named: "figure", nodes: [
                        .raw(BodyChart.svg(view: view, areas: nil, points: chosen)),
                        .element(named: "figcaption", nodes: [.text(view == .front ? "Front" : "Back")]),
                    ])
                }),
                .div(.class("table-scroll"), .table(.class("injection-rows"),
                    .thead(.tr(.th("Row"), .th("Site"), .th("Units"))),
                    .tbody(.forEach(model.form.rows.enumerated()) { index, row in
                        let number = index + 1
                        return .tr(.id("row\(number)-field"), .class(model.errors["row\(number)"] == nil ? "" : "field--error"),
                            .td(.text("\(number)")),
                            .td(.element(named: "label", nodes: [.attribute(named: "for", value: "site\(number)"),
                                                                 .attribute(named: "class", value: "visually-hidden"), .text("Site of row \(number)")]),
                                FormControls.select(id: "site\(number)", name: "site\(number)", selected: row.site, options: options),
                                FormControls.errorMessage("row\(number)", model.errors["row\(number)"])),
                            .td(.input(.type(.text), .id("units\(number)"), .name("units\(number)"), .class("narrow"), .attr("inputmode", "decimal"),
                                       .attr("aria-label", "Units of row \(number)"), .attr("value", row.units))))
                    }),
                    .tfoot(.tr(.th(.attribute(named: "colspan", value: "2"), "Session total"),
                               .td(.element(named: "output", nodes: [.attribute(named: "id", value: "session-total"),
                                                                     .attribute(named: "aria-live", value: "polite")])))))))
        }
    }
}
