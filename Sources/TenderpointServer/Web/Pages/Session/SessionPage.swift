import Foundation
import Plot
import TenderpointCore

/// Charting an injection session: the screening checklist and consent, then the injection rows —
/// each with its vial (lot first; only vials usable now are offered), its site (tap a tender
/// point or choose from the list) and its units — and the running totals the core computes: per
/// site, per session and over the cumulative window, each against its limit. The core checks
/// everything on saving and every problem is shown beside its field.
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
        /// Per product of the vials in stock (or given earlier in the window): the units already
        /// given inside the cumulative window, with no injection of this session yet.
        var given: [DoseFigures] = []
        let timeZone: TimeZone
        var errors: [String: String] = [:]
        var errorTitle = "The session was not charted"
        /// The core's figures for the rows as typed, after a submit.
        var check: SessionCheckDTO?
        /// The form row of `check.injections[i]`.
        var rowNumbers: [Int] = []

        init(patientID: UUID, patientName: String, vials: [Vial], consents: [Consent], clinicians: [Clinician],
             screeningEffects: [ScreeningItem: ScreeningEffect], role: Role, form: SessionForm, given: [DoseFigures],
             timeZone: TimeZone) {
            self.patientID = patientID
            self.patientName = patientName
            self.vials = vials
            self.consents = consents
            self.clinicians = clinicians
            self.screeningEffects = screeningEffects
            self.role = role
            self.form = form
            self.given = given
            self.timeZone = timeZone
        }

        /// The check's figures for a form row, if it was sent.
        func injection(row number: Int) -> SessionCheckDTO.Injection? {
            guard let index = rowNumbers.firstIndex(of: number) else { return nil }
            return check?.injections.first { $0.index == index }
        }
    }

    static func site(_ value: String) -> InjectionSite? {
        if value.hasPrefix("muscle:") { return MuscleSite(id: String(value.dropFirst(7))).map(InjectionSite.muscle) }
        return TenderPointSite(id: String(value.dropFirst(value.hasPrefix("tenderPoint:") ? 12 : 0))).map(InjectionSite.tenderPoint)
    }

    /// "0.5 mL" — the volume exactly as the core computed it.
    static func volume(_ millilitres: Decimal?) -> String {
        millilitres.map { "\($0) mL" } ?? "—"
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let errors = model.errors.sorted { $0.key < $1.key }.map { (field: $0.key, message: $0.value) }
            let form = model.form
            let patient = model.patientID.uuidString
            func fieldClass(_ name: String) -> String { model.errors[name] == nil ? "field" : "field field--error" }
            return Layout.document(title: "Chart a session", context: context, main: .group(
                .p(.a(.href("/patients/\(patient)"), .text("← "), .safe(model.patientName))),
                .h1(.text("Chart a session: "), .safe(model.patientName)),
                FormControls.errorSummary(errors, title: model.errorTitle),
                .form(
                    .class("session-form"), .action("/patients/\(patient)/session"), .method(.post), .novalidate(),
                    .attribute(named: "data-session-check", value: "/patients/\(patient)/sessions/check"),
                    Layout.csrfField(context),
                    .input(.type(.hidden), .id("rowCount"), .name("rowCount"), .attr("value", "\(form.rows.count)")),
                    .div(.id("date-field"), .class(fieldClass("date")),
                         .label(.for("date"), "Session date"),
                         FormControls.errorMessage("date", model.errors["date"]),
                         .input(.type(.date), .id("date"), .name("date"), .attr("value", form.date))),
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
                         .p(.class("hint"), "Only if the session is too early and you have a written clinical reason; the override is audited. Dose limits cannot be overridden."),
                         FormControls.errorMessage("overrideReason", model.errors["overrideReason"]),
                         .textarea(.id("overrideReason"), .name("overrideReason"), .safe(form.overrideReason)))),
                    .div(.id("note-field"), .class(fieldClass("note")),
                         .label(.for("note"), "Note", .span(.class("muted"), " (optional)")),
                         FormControls.errorMessage("note", model.errors["note"]),
                         .textarea(.id("note"), .name("note"), .safe(form.note))),
                    // The charting button comes first, so Enter in a field charts (after the core's checks) rather than adding rows.
                    .div(.class("actions"),
                         .button(.type(.submit), .name("action"), .value("chart"), .text("Chart the session")),
                         .button(.type(.submit), .name("action"), .value("check"), .class("secondary"), .text("Check totals")),
                         .button(.type(.submit), .name("action"), .value("more"), .class("secondary no-script-only"),
                                 .text("More rows (\(SessionForm.moreRows))")))
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
            let vialOptions = model.vials.map { ($0.id.uuidString, $0.label) }
            let products = Set(model.vials.map(\.product)).sorted { $0.rawValue < $1.rawValue }
            let hint = "Tap a tender point to fill the next empty row, or choose a site in a row. Units as on the vial's product; tenths allowed. "
                + "A row takes the vial of the row above unless you choose another; one session uses one product."
            let limits: Node<HTML.FormContext> = model.vials.isEmpty
                ? .p(.class("empty"), "No usable vial in stock: reconstitute one first.")
                : .div(.id("limits"), .p(.class("hint"), "Only unexpired vials usable now are offered (reconstituted, within their in-use period). Limits in force:"),
                       .ul(.class("hint"), .forEach(products) { product in
                           .li(.safe(limitsText(product, model.vials.first { $0.product == product }?.limits)))
                       }))
            let chart: Node<HTML.FormContext> = .div(
                .class("body-chart"), .attribute(named: "data-fill-rows", value: "true"),
                .forEach(ChartView.allCases) { view in
                    .element(named: "figure", nodes: [
                        .raw(BodyChart.svg(view: view, areas: nil, points: chosen)),
                        .element(named: "figcaption", nodes: [.text(view == .front ? "Front" : "Back")]),
                    ])
                })
            let body: Node<HTML.TableContext> = .tbody(.forEach(model.form.rows.enumerated()) { index, entry in
                row(model, number: index + 1, row: entry, siteOptions: options, vialOptions: vialOptions)
            })
            let total: Node<HTML.TableContext> = .tfoot(.tr(
                .th(.attribute(named: "colspan", value: "3"), "Session total"),
                .td(.attribute(named: "colspan", value: "3"),
                    .element(named: "output", nodes: [.attribute(named: "id", value: "session-total"),
                                                      .safe(model.check?.totalUnits.map(\.description) ?? "")]))))
            let table: Node<HTML.FormContext> = .div(.class("table-scroll"), .table(
                .class("injection-rows"),
                .thead(.tr(.th("Row"), .th("Vial"), .th("Site"), .th("Units"), .th("Volume"),
                           .th(.class("row-actions"), .span(.class("visually-hidden"), "Remove")))),
                body, total))
            let panel: Node<HTML.FormContext> = .div(
                .id("totals"), .class("totals"), .attribute(named: "role", value: "region"),
                .attribute(named: "aria-labelledby", value: "totals-heading"),
                .h2(.id("totals-heading"), "Running totals"),
                .p(.class("hint"), "Computed by the clinic's dose rules as the rows change (or with “Check totals”). Exactly at a limit is allowed."),
                .div(.id("totals-body"), .attribute(named: "aria-live", value: "polite"), totals(model)))
            return .fieldset(
                .id("injections-field"), .class(model.errors["injections"] == nil ? "field exam-section" : "field exam-section field--error"),
                .element(named: "legend", nodes: [.text("Injections: vial, site and units")]),
                .p(.class("hint"), .text(hint)),
                limits,
                FormControls.errorMessage("injections", model.errors["injections"]),
                chart, table, panel)
        }

        static func limitsText(_ product: ToxinProduct, _ limits: DoseLimits?) -> String {
            guard let limits else { return "\(product.rawValue): no dose limits set — it cannot be charted" }
            return "\(product.rawValue): at most \(limits.perSite) per site, \(limits.perSession) per session, \(limits.cumulativeThreeMonths) in any 84 days"
        }

        private static func row(_ model: Model, number: Int, row: SessionForm.Row, siteOptions: [(value: String, label: String)],
                                vialOptions: [(String, String)]) -> Node<HTML.TableContext> {
            let failed = model.errors["row\(number)"] != nil || model.errors["vial\(number)"] != nil
            let first: (String, String) = number == 1 ? ("", "Choose a vial") : ("", "Same vial as the row above")
            return .tr(.id("row\(number)-field"), .class(failed ? "field--error" : ""),
                .td(.text("\(number)")),
                .td(.id("vial\(number)-field"),
                    .element(named: "label", nodes: [.attribute(named: "for", value: "vial\(number)"),
                                                     .attribute(named: "class", value: "visually-hidden"), .text("Vial of row \(number)")]),
                    FormControls.select(id: "vial\(number)", name: "vial\(number)", selected: row.vial, options: [first] + vialOptions),
                    FormControls.errorMessage("vial\(number)", model.errors["vial\(number)"])),
                .td(.element(named: "label", nodes: [.attribute(named: "for", value: "site\(number)"),
                                                     .attribute(named: "class", value: "visually-hidden"), .text("Site of row \(number)")]),
                    FormControls.select(id: "site\(number)", name: "site\(number)", selected: row.site, options: siteOptions),
                    FormControls.errorMessage("row\(number)", model.errors["row\(number)"]),
                    .div(.class("row-check"), .id("row\(number)-check"))),
                .td(.input(.type(.text), .id("units\(number)"), .name("units\(number)"), .class("narrow"), .attr("inputmode", "decimal"),
                           .attr("aria-label", "Units of row \(number)"), .attr("value", row.units))),
                .td(.class("nowrap"), .element(named: "output", nodes: [.attribute(named: "id", value: "volume\(number)"),
                                                                        .safe(model.injection(row: number).map { SessionPage.volume($0.volumeMl) } ?? "")])),
                .td(.class("row-actions")))
        }

        /// The core's figures for the rows as typed; before any row (or when the rows name no
        /// single product) the units already given inside the window, per product in stock. The
        /// script fills the same elements from `…/sessions/check` as the rows change.
        static func totals(_ model: Model) -> Node<HTML.FormContext> {
            let figures: Node<HTML.FormContext>
            var shown = false
            if let check = model.check, let session = check.session, let cumulative = check.cumulative, let product = check.product {
                shown = true
                figures = .group(
                    .p(.id("totals-product"), .text("Product: "), .safe(product.rawValue)),
                    .div(.class("table-scroll"), .table(.class("totals-sites"),
                           .caption("Per site"),
                           .thead(.tr(.th("Site"), .th("Units"), .th("Limit"), .th("Status"))),
                           .tbody(.forEach(check.sites) { site in
                               .tr(.class(site.overLimit ? "is-over" : ""),
                                   .td(.safe(site.name)), .td(.safe(site.units.description)),
                                   .td(.safe(site.limit?.description ?? "none set")), .td(status(site.overLimit, limit: site.limit)))
                           }))),
                    .dl(.class("facts totals-facts"),
                        .dt("This session"),
                        .dd(.id("total-session"), .class(session.overLimit ? "is-over" : ""),
                            .safe("\(session.units) of at most \(session.limit?.description ?? "— (no limit set)") per session "),
                            status(session.overLimit, limit: session.limit)),
                        .dt("Any 84 days"),
                        .dd(.id("total-cumulative"), .class(cumulative.overLimit ? "is-over" : ""),
                            .safe("\(cumulative.units) of at most \(cumulative.limit?.description ?? "— (no limit set)"): "
                                  + "\(cumulative.otherUnits) in \(sessions(cumulative.otherSessionDates.count)) + \(session.units) in this one "),
                            status(cumulative.overLimit, limit: cumulative.limit)),
                        .dt("Window"),
                        .dd(.id("total-window"), .safe(window(from: cumulative.from, to: cumulative.to)))))
            } else {
                figures = .empty
            }
            let unnamed = !shown && (model.check.map { !$0.injections.isEmpty } ?? false)
            return .group(
                .div(.id("totals-figures"), figures),
                .p(.id("totals-note"), .class("hint"),
                   .text(unnamed ? "No totals: the rows' vials must be known and of one product." : "")),
                .ul(.id("totals-given"), .flag("hidden", shown), .forEach(model.given) { figures in
                    let cumulative = figures.cumulative
                    let limit = cumulative.tally.limit.map { "limit \($0) in any 84 days" } ?? "no dose limits set — it cannot be charted"
                    let given = cumulative.otherSessionDates.isEmpty ? "nothing given"
                        : "\(cumulative.otherUnits) already given in \(sessions(cumulative.otherSessionDates.count))"
                    return .li(.strong(.safe(figures.product.rawValue)), .safe(": \(given) \(window(from: cumulative.from, to: cumulative.to)); \(limit)."))
                }),
                .ul(.id("totals-problems"), .class("totals-problems")))
        }

        static func sessions(_ count: Int) -> String { count == 1 ? "1 other session" : "\(count) other sessions" }

        static func window(from: CalendarDate, to: CalendarDate) -> String {
            "from \(WebFormat.date(from)) to \(WebFormat.date(to))"
        }

        /// Said in words and marked with a sign, not by colour alone.
        static func status(_ over: Bool, limit: Units?) -> Node<HTML.BodyContext> {
            if over { return .strong(.class("limit-status limit-status--over"), .text("⚠ Over the limit")) }
            return .span(.class("limit-status"), .text(limit == nil ? "No limit set" : "✓ Within the limit"))
        }
    }
}
