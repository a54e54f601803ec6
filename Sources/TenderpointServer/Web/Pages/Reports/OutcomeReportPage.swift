import Foundation
import Plot
import TenderpointCore

/// The clinic's outcome report as a page: the filter form, then every figure of
/// `GET /api/reports/outcomes` for those filters — counts, responder rates, FIQR change, the
/// duration of benefit as a Kaplan–Meier chart, adverse events — each chart with a table that says
/// the same in text, and links to the per-cycle rows it was computed from and to its JSON.
enum OutcomeReportPage {
    struct Injector: Sendable, Equatable {
        let id: UUID
        let name: String
        let role: String
    }

    /// The Kaplan–Meier curve read on one day, with the responding sessions still at risk.
    struct SurvivalPoint: Sendable, Equatable {
        let day: Int
        let atRisk: Int
        /// Nil when there are no responding sessions at all.
        let survival: Double?
        let lower: Double?
        let upper: Double?
    }

    struct Model: Sendable {
        var form: OutcomeFilterForm
        /// A refused filter's problems by parameter name; the report is not shown then.
        var errors: [String: String] = [:]
        let injectors: [Injector]
        var report: OutcomeDTO.Report? = nil
        var survival: [SurvivalPoint] = []
    }

    static let path = "/reports/outcomes"
    static let csvPath = "/reports/outcomes/cycles.csv"
    static let jsonPath = "/reports/outcomes/report.json"

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let errors = OutcomeFilterForm.fieldNames.compactMap { name in model.errors[name].map { (field: name, message: $0) } }
            return Layout.document(title: "Outcomes", context: context, bodyClass: "outcome-report", main: .group(
                .h1("Outcomes"),
                .p(.class("lead"), .strong(.safe("Observed in this clinic (uncontrolled).")), .text(" "),
                   .safe("What happened to this clinic's own patients after their sessions, counted from the records. ")),
                FormControls.errorSummary(errors, title: "The report could not be made for these filters"),
                filterForm(model),
                .unwrap(model.report) { report in
                    .group(summary(report, model: model), caveat(report, model: model), responders(report), fiqr(report),
                           benefit(report, survival: model.survival), adverseEvents(report))
                }
            ))
        }

        // MARK: - The filters

        private static func filterForm(_ model: Model) -> Node<HTML.BodyContext> {
            let form = model.form
            func fieldClass(_ name: String) -> String { model.errors[name] == nil ? "field" : "field field--error" }
            func described(_ name: String, hint: String? = nil) -> Attribute<HTML.InputContext> {
                let ids = [hint.map { _ in "\(name)-hint" }, model.errors[name].map { _ in "\(name)-error" }].compactMap { $0 }
                return ids.isEmpty ? .empty : .attribute(named: "aria-describedby", value: ids.joined(separator: " "))
            }
            func textField(_ name: String, label: String, value: String, hint: String?, narrow: Bool = false) -> Node<HTML.FormContext> {
                .div(.id("\(name)-field"), .class(fieldClass(name)),
                     .label(.for(name), .safe(label)),
                     .unwrap(hint) { .p(.class("hint"), .id("\(name)-hint"), .safe($0)) },
                     FormControls.errorMessage(name, model.errors[name]),
                     .input(.type(.text), .id(name), .name(name), .attr("value", value), .class(narrow ? "narrow" : ""),
                            .attribute(named: "inputmode", value: name.hasSuffix("Units") ? "decimal" : "numeric"),
                            .attribute(named: "autocomplete", value: "off"),
                            .attr("aria-invalid", model.errors[name] == nil ? "false" : "true"), described(name, hint: hint)))
            }
            // A value typed into the address bar that is not among the choices is kept, so the
            // page shows what was asked for beside its error.
            func choices(_ options: [(value: String, label: String)], keeping value: String) -> [(value: String, label: String)] {
                value.isEmpty || options.contains { $0.value == value } ? options : options + [(value, value)]
            }
            let products = choices([("", "Any product")] + ToxinProduct.allCases.map { ($0.rawValue, $0.displayName) }, keeping: form.product)
            let injectors = choices([("", "Anyone")] + model.injectors.map { ($0.id.uuidString, "\($0.name) (\($0.role))") },
                                    keeping: form.injector)
            return .form(
                .class("report-filters"), .action(OutcomeReportPage.path), .method(.get), .novalidate(),
                .attribute(named: "aria-label", value: "Report filters"),
                .fieldset(
                    .element(named: "legend", nodes: [.text("Sessions to include")]),
                    .div(.class("filter-grid"),
                         textField("from", label: "Session date from", value: form.from, hint: "YYYY-MM-DD, inclusive"),
                         textField("to", label: "Session date to", value: form.to, hint: "YYYY-MM-DD, inclusive"),
                         .div(.id("product-field"), .class(fieldClass("product")),
                              .label(.for("product"), "Product"),
                              FormControls.errorMessage("product", model.errors["product"]),
                              FormControls.select(id: "product", name: "product", selected: form.product, options: products)),
                         .div(.id("injector-field"), .class(fieldClass("injector")),
                              .label(.for("injector"), "Injector"),
                              FormControls.errorMessage("injector", model.errors["injector"]),
                              FormControls.select(id: "injector", name: "injector", selected: form.injector, options: injectors)),
                         textField("minUnits", label: "Dose from (units)", value: form.minUnits,
                                   hint: "Session total; needs a product", narrow: true),
                         textField("maxUnits", label: "Dose to (units)", value: form.maxUnits,
                                   hint: "Units of different products are never compared", narrow: true))),
                .div(.class("actions"),
                     .button(.type(.submit), .text("Show the report")),
                     .a(.class("button secondary"), .href(OutcomeReportPage.path), "Clear the filters")),
                // Filled by the script while the next report is computed (seconds on a large clinic).
                .p(.id("report-progress"), .class("hint"), .attribute(named: "role", value: "status"),
                   .attribute(named: "aria-live", value: "polite")))
        }

        // MARK: - Counts and the honest wording

        private static func summary(_ report: OutcomeDTO.Report, model: Model) -> Node<HTML.BodyContext> {
            let curves = report.curves
            func figure(_ id: String, _ value: Int, _ label: String) -> Node<HTML.DescriptionListContext> {
                .group(.dt(.safe(label)), .dd(.id(id), .attr("data-value", String(value)), .safe(OutcomeFigureFormat.count(value))))
            }
            return .section(.class("report-section"), .attribute(named: "aria-labelledby", value: "summary-heading"),
                .h2(.id("summary-heading"), "Patients and sessions"),
                .p(.attribute(named: "role", value: "status"), .safe("Sessions: \(describe(report.filters, model: model))")),
                .dl(.class("figures"),
                    figure("figure-patients", report.patients, "Patients"),
                    figure("figure-sessions", report.sessions, "Sessions")),
                .div(.class("table-scroll"), .table(.id("curve-counts"),
                    .caption("What each session's response curve shows"),
                    .thead(.tr(.th("Response curve"), .th(.class("number"), "Sessions"), .th("Meaning"))),
                    .tbody(
                        curveRow("Responded", curves.responded, "a fall of 30% or more from baseline at the lowest point (days 1–56)"),
                        curveRow("Did not respond", curves.notResponded, "a lowest point less than 30% below baseline"),
                        curveRow("Not enough data", curves.notEnoughData, "no baseline, or no smoothed pain on days 1–56"),
                        curveRow("Follow-up under way", curves.followUpUnderWay,
                                 "the patient's latest session, under 56 days old, no response seen yet: not counted as a non-response")))))
        }

        private static func curveRow(_ label: String, _ value: Int, _ meaning: String) -> Node<HTML.TableContext> {
            .tr(.th(.attribute(named: "scope", value: "row"), .safe(label)), .td(.class("number"), .safe(OutcomeFigureFormat.count(value))),
                .td(.safe(meaning)))
        }

        /// The filters in words, with the injector by name.
        static func describe(_ filters: OutcomeDTO.Filters, model: Model) -> String {
            var parts = ["\(filters.from.map(WebFormat.date) ?? "the first") to \(filters.to.map(WebFormat.date) ?? "the latest")"]
            if let product = filters.product { parts.append(product.rawValue) }
            if filters.minUnits != nil || filters.maxUnits != nil {
                parts.append("dose \(filters.minUnits?.plain ?? "0")–\(filters.maxUnits?.plain ?? "any") U")
            }
            if let injector = filters.injector {
                parts.append("injected by \(model.injectors.first { $0.id == injector }?.name ?? injector.uuidString)")
            }
            return parts.joined(separator: ", ") + "."
        }

        private static func caveat(_ report: OutcomeDTO.Report, model: Model) -> Node<HTML.BodyContext> {
            .section(.class("report-section caveat"), .attribute(named: "aria-labelledby", value: "caveat-heading"),
                .h2(.id("caveat-heading"), "What these figures are"),
                .p(.safe(report.caveat)),
                .p(.safe("Every figure on this page is computed from the per-cycle rows: one row per session in the filters, "
                         + "with its baseline, week-3 and week-12 pain and its duration of benefit. Anyone can recompute it from them.")),
                .ul(.class("downloads"),
                    .li(.a(.id("download-csv"), .attr("href", model.form.link(OutcomeReportPage.csvPath)), .attribute(named: "download"),
                           .safe("Download the per-cycle rows (CSV, \(OutcomeFigureFormat.count(report.sessions)) rows)"))),
                    .li(.a(.id("download-json"), .attr("href", model.form.link(OutcomeReportPage.jsonPath)),
                           "This report as JSON")),
                    .li(.class("muted"), .text("For scripts, with a bearer token: "),
                        .code(.safe(model.form.link("/api/reports/outcomes"))), .text(" and "),
                        .code(.safe(model.form.link("/api/reports/outcomes/cycles.csv"))))))
        }

        // MARK: - Responders and FIQR

        private static func responders(_ report: OutcomeDTO.Report) -> Node<HTML.BodyContext> {
            let rows: [(String, String, OutcomeDTO.ResponderRates)] = [
                ("week3", "Week-3 review (days 14–35)", report.responders.week3),
                ("week12", "Week-12 reassessment (days 70–112)", report.responders.week12),
            ]
            return .section(.class("report-section"), .attribute(named: "aria-labelledby", value: "responders-heading"),
                .h2(.id("responders-heading"), "Responders"),
                .p(.class("hint"), .safe("Pain NRS reduction from the session's baseline at the review (IMMPACT): 30% or more is a "
                    + "moderate improvement, 50% or more a substantial one. Evaluated: sessions with a baseline above 0 and a pain "
                    + "score at the review. 95% confidence intervals by the Wilson score method.")),
                .div(.class("table-scroll"), .table(.id("responder-table"),
                    .caption("Responder rates with 95% confidence intervals"),
                    .thead(.tr(.th("Review"), .th(.class("number"), "Evaluated"), .th("≥ 30% reduction"), .th("95% CI"),
                               .th("≥ 50% reduction"), .th("95% CI"))),
                    .tbody(.forEach(rows) { key, label, rates in
                        .tr(.id("responders-\(key)"),
                            .th(.attribute(named: "scope", value: "row"), .safe(label)),
                            .td(.class("number"), .safe(OutcomeFigureFormat.count(rates.evaluated))),
                            .td(.safe(OutcomeFigureFormat.share(rates.atLeast30))), .td(.safe(OutcomeFigureFormat.interval(rates.atLeast30))),
                            .td(.safe(OutcomeFigureFormat.share(rates.atLeast50))), .td(.safe(OutcomeFigureFormat.interval(rates.atLeast50))))
                    }))),
                chart(ResponderChart.svg(report.responders), label: "Responder rates chart",
                      caption: "Bars: the share of evaluated sessions; whiskers: the 95% confidence interval. The table above gives the same figures."))
        }

        private static func fiqr(_ report: OutcomeDTO.Report) -> Node<HTML.BodyContext> {
            let rows: [(String, String, OutcomeDTO.FIQRChange)] = [
                ("week3", "Week-3 review", report.fiqr.week3), ("week12", "Week-12 reassessment", report.fiqr.week12),
            ]
            return .section(.class("report-section"), .attribute(named: "aria-labelledby", value: "fiqr-heading"),
                .h2(.id("fiqr-heading"), "FIQR change"),
                .p(.class("hint"), .safe("The FIQR total (0–100, higher is worse) before the session and at the review, for the sessions "
                    + "with both. Change is after − before: negative is better.")),
                .div(.class("table-scroll"), .table(.id("fiqr-table"),
                    .caption("FIQR total before and after"),
                    .thead(.tr(.th("Review"), .th(.class("number"), "Sessions"), .th(.class("number"), "Mean before"),
                               .th(.class("number"), "Mean after"), .th(.class("number"), "Mean change (SD)"),
                               .th(.safe("Improved ≥ \(report.fiqr.week3.mcidLabel)")), .th("95% CI"))),
                    .tbody(.forEach(rows) { key, label, change in
                        .tr(.id("fiqr-\(key)"),
                            .th(.attribute(named: "scope", value: "row"), .safe(label)),
                            .td(.class("number"), .safe(OutcomeFigureFormat.count(change.n))),
                            .td(.class("number"), .safe(OutcomeFigureFormat.decimal(change.meanBefore))),
                            .td(.class("number"), .safe(OutcomeFigureFormat.decimal(change.meanAfter))),
                            .td(.class("number"), .safe("\(OutcomeFigureFormat.signed(change.meanChange)) (\(OutcomeFigureFormat.decimal(change.standardDeviation)))")),
                            .td(.safe(OutcomeFigureFormat.share(change.improvedByMCID))),
                            .td(.safe(OutcomeFigureFormat.interval(change.improvedByMCID))))
                    }))))
        }

        // MARK: - Duration of benefit

        private static func benefit(_ report: OutcomeDTO.Report, survival: [SurvivalPoint]) -> Node<HTML.BodyContext> {
            let km = report.kaplanMeier
            let low = km.medianCI95.first ?? nil, high = km.medianCI95.last ?? nil
            let atRisk = survival.map { KaplanMeierChart.AtRisk(day: $0.day, count: $0.atRisk) }
            return .section(.class("report-section"), .attribute(named: "aria-labelledby", value: "benefit-heading"),
                .h2(.id("benefit-heading"), "Duration of benefit"),
                .p(.class("hint"), .safe("Among responding sessions: days from the session until the smoothed pain was back within 30% "
                    + "of the fall (wear-off). A session whose benefit had not worn off by its last day with data — the patient stopped "
                    + "recording, was re-injected first, or the cycle is still running — is censored there, not dropped "
                    + "(Kaplan–Meier; 95% band on the log-log scale).")),
                .dl(.class("figures"),
                    .dt("Median duration of benefit"),
                    .dd(.id("km-median"), .unwrap(km.median) { .attr("data-value", String(Int($0))) },
                        .safe(km.median.map { "\(Int($0)) days" } ?? "not reached")),
                    .dt("95% CI of the median"),
                    .dd(.id("km-median-ci"), .safe(km.median == nil && low == nil && high == nil ? "–"
                        : "\(OutcomeFigureFormat.day(low)) – \(OutcomeFigureFormat.day(high))")),
                    .dt("Responding sessions"), .dd(.id("km-cycles"), .safe(OutcomeFigureFormat.count(km.cycles))),
                    .dt("Wear-offs observed"), .dd(.id("km-events"), .safe(OutcomeFigureFormat.count(km.wearOffs))),
                    .dt("Censored"), .dd(.id("km-censored"), .safe(OutcomeFigureFormat.count(km.censored)))),
                chart(KaplanMeierChart.svg(km, atRisk: atRisk), label: "Duration of benefit chart",
                      caption: "The step line is the share of responding sessions still benefiting; the shaded band its 95% interval; "
                        + "the row under the axis the sessions still at risk. The line ends at the last observed wear-off."),
                .div(.class("table-scroll"), .table(.id("at-risk-table"),
                    .caption("Still benefiting, and at risk, every 4 weeks"),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Day"),
                               .forEach(survival) { .th(.class("number"), .attribute(named: "scope", value: "col"), .text(String($0.day))) })),
                    .tbody(
                        .tr(.th(.attribute(named: "scope", value: "row"), "At risk"),
                            .forEach(survival) { .td(.class("number"), .safe(OutcomeFigureFormat.count($0.atRisk))) }),
                        .tr(.th(.attribute(named: "scope", value: "row"), "Still benefiting"),
                            .forEach(survival) { .td(.class("number"), .safe(OutcomeFigureFormat.percent($0.survival))) }),
                        .tr(.th(.attribute(named: "scope", value: "row"), "95% band"),
                            .forEach(survival) { point in
                                .td(.class("number"), .safe(point.lower.flatMap { low in point.upper.map { high in
                                    "\(OutcomeFigureFormat.percent(low))–\(OutcomeFigureFormat.percent(high))" } } ?? "–"))
                            })))),
                km.times.isEmpty ? .empty : .details(.class("steps"),
                    .summary(.safe("Every wear-off day (\(km.times.count))")),
                    .div(.class("table-scroll"), .table(
                        .caption("The Kaplan–Meier estimate at each day with a wear-off"),
                        .thead(.tr(.th(.class("number"), "Day"), .th(.class("number"), "At risk"), .th(.class("number"), "Wear-offs"),
                                   .th(.class("number"), "Still benefiting"), .th("95% band"))),
                        .tbody(.forEach(km.times.indices) { index in
                            .tr(.td(.class("number"), .text(String(Int(km.times[index])))),
                                .td(.class("number"), .text(String(km.atRisk[index]))),
                                .td(.class("number"), .text(String(km.events[index]))),
                                .td(.class("number"), .safe(OutcomeFigureFormat.percent(km.survival[index]))),
                                .td(.safe("\(OutcomeFigureFormat.percent(km.lower95[index]))–\(OutcomeFigureFormat.percent(km.upper95[index]))")))
                        })))))
        }

        // MARK: - Adverse events

        private static func adverseEvents(_ report: OutcomeDTO.Report) -> Node<HTML.BodyContext> {
            let adverse = report.adverseEvents
            let perHundred = adverse.eventsPerSession.map { String(format: "%.1f", $0 * 100) } ?? "–"
            return .section(.class("report-section"), .attribute(named: "aria-labelledby", value: "adverse-heading"),
                .h2(.id("adverse-heading"), "Adverse events"),
                .p(.id("adverse-summary"), .safe("\(OutcomeFigureFormat.count(adverse.events)) events recorded against "
                    + "\(OutcomeFigureFormat.count(adverse.sessions)) sessions: \(perHundred) per 100 sessions; "
                    + "\(OutcomeFigureFormat.count(adverse.serious)) serious. Sessions with any event: "
                    + "\(OutcomeFigureFormat.share(adverse.sessionsWithAny)), 95% CI \(OutcomeFigureFormat.interval(adverse.sessionsWithAny)).")),
                .p(.id("adverse-sources"), .safe("By source: \(OutcomeFigureFormat.count(adverse.bySource.clinician.events)) recorded by the clinic, "
                    + "\(OutcomeFigureFormat.count(adverse.bySource.patient.events)) reported by the patient in the diary "
                    + "(sessions with a patient report: \(OutcomeFigureFormat.share(adverse.bySource.patient.sessions))); "
                    + "\(OutcomeFigureFormat.count(adverse.bySeverity.notYetAssessed)) not yet assessed by a clinician.")),
                adverse.byKind.isEmpty ? .p(.class("empty"), "No adverse event recorded against these sessions.") :
                .div(.class("table-scroll"), .table(.id("adverse-table"),
                    .caption("Adverse events per session, by kind and severity"),
                    .thead(.tr(.th("Kind"), .th(.class("number"), "Events"), .th("Sessions with one"), .th("95% CI"),
                               .th(.class("number"), "Mild"), .th(.class("number"), "Moderate"), .th(.class("number"), "Severe"),
                               .th(.class("number"), "Not yet assessed"), .th(.class("number"), "Serious"),
                               .th(.class("number"), "Reported by the patient"))),
                    .tbody(.forEach(adverse.byKind) { kind in
                        .tr(.th(.attribute(named: "scope", value: "row"), .safe(kind.label)),
                            .td(.class("number"), .safe(OutcomeFigureFormat.count(kind.events))),
                            .td(.safe(OutcomeFigureFormat.share(kind.sessions))), .td(.safe(OutcomeFigureFormat.interval(kind.sessions))),
                            .td(.class("number"), .text(String(kind.bySeverity.mild))),
                            .td(.class("number"), .text(String(kind.bySeverity.moderate))),
                            .td(.class("number"), .text(String(kind.bySeverity.severe))),
                            .td(.class("number"), .text(String(kind.bySeverity.notYetAssessed))),
                            .td(.class("number"), .text(String(kind.serious))),
                            .td(.class("number"), .text(String(kind.bySource.patient))))
                    }),
                    .tfoot(.tr(.th(.attribute(named: "scope", value: "row"), "All kinds"),
                               .td(.class("number"), .safe(OutcomeFigureFormat.count(adverse.events))),
                               .td(.safe(OutcomeFigureFormat.share(adverse.sessionsWithAny))),
                               .td(.safe(OutcomeFigureFormat.interval(adverse.sessionsWithAny))),
                               .td(.class("number"), .text(String(adverse.bySeverity.mild))),
                               .td(.class("number"), .text(String(adverse.bySeverity.moderate))),
                               .td(.class("number"), .text(String(adverse.bySeverity.severe))),
                               .td(.class("number"), .text(String(adverse.bySeverity.notYetAssessed))),
                               .td(.class("number"), .text(String(adverse.serious))),
                               .td(.class("number"), .text(String(adverse.bySource.patient.events))))))))
        }

        /// A chart in a figure: scrolls sideways on a phone, reachable by keyboard for that.
        static func chart(_ svg: String, label: String, caption: String) -> Node<HTML.BodyContext> {
            .element(named: "figure", nodes: [
                .class("outcome-chart"),
                .div(.class("chart-frame"), .attribute(named: "tabindex", value: "0"), .attr("aria-label", label + " (scrolls sideways on a small screen)"),
                     .raw(svg)),
                .element(named: "figcaption", nodes: [.safe(caption)]),
            ])
        }
    }
}
