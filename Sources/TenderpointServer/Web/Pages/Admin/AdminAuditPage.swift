import Foundation
import Plot
import TenderpointCore

/// `/admin/audit`: the whole audit trail, newest first, filtered by days, user, patient, action,
/// record type and outcome, fifty rows a page, with the filtered rows as CSV.
enum AdminAuditPage {
    struct Model: Sendable, Equatable {
        var filter: AdminAuditFilter
        var page = AdminAuditQuery.Page(rows: [], next: nil)
        /// The patients the patient filter matched, named above the rows.
        var patients: [AdminPatientLookup.Patient] = []
        var usernames: [String] = []
        var resourceTypes: [String] = []
    }

    /// Record types offered in the filter's suggestions (any other can be typed).
    static let knownResourceTypes = [
        "AdverseEvent", "Appointment", "Assessment", "AuditTrail", "Availability", "BulkExport", "ClinicSetting", "Condition",
        "Consent", "DiaryEntry", "LotRecall", "OutcomeCycles", "OutcomeReport", "Patient", "PatientOutcomes", "ReinjectionWindow",
        "Session", "Timeline", "TodayPage", "TreatmentSession", "User", "Vial", "WebForm",
    ]

    static let fieldOrder = ["from", "to", "user", "patient", "action", "resource", "outcome", "before"]

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let filter = model.filter
            return Layout.document(title: "Audit trail", context: context, bodyClass: "admin", main: .group(
                .p(.a(.href("/admin"), "← Administration")),
                .h1("Audit trail"),
                FormControls.errorSummary(AdminFormFields.summary(filter.errors, order: AdminAuditPage.fieldOrder),
                                          title: "The filters could not be used"),
                filters(model),
                .unwrap(model.patients.isEmpty ? nil : model.patients) { patients in
                    .p(.class("muted"), .safe("Patient: " + patients.map(\.label).joined(separator: "; ")))
                },
                .p(.class("actions"),
                   .a(.class("button secondary"), .attr("href", filter.link("/admin/audit.csv")), "Download these rows as CSV"),
                   .if(filter.cursor != nil, .a(.attr("href", filter.link("/admin/audit")), "Back to the newest"))),
                rows(model, context: context),
                .nav(.class("pager"), .attribute(named: "aria-label", value: "Pages"),
                     .unwrap(model.page.next) { next in
                         .a(.attr("href", filter.link("/admin/audit", adding: [URLQueryItem(name: "before", value: next.token)])),
                            .attribute(named: "rel", value: "next"), "Older entries")
                     })
            ))
        }

        private static func filters(_ model: Model) -> Node<HTML.BodyContext> {
            let text = model.filter.text
            let errors = model.filter.errors
            return .form(.class("audit-filters"), .action("/admin/audit"), .method(.get),
                AdminFormFields.text("from", label: "From (day)", value: text.from ?? "", error: errors["from"], type: .date),
                AdminFormFields.text("to", label: "To (day)", value: text.to ?? "", error: errors["to"], type: .date),
                AdminFormFields.text("user", label: "User", value: text.user ?? "", error: errors["user"], hint: "The username.",
                                     extra: [.attr("list", "usernames"), .attr("autocapitalize", "none")]),
                AdminFormFields.text("patient", label: "Patient", value: text.patient ?? "", error: errors["patient"],
                                     hint: "Name, NHS number or record id."),
                AdminFormFields.select("action", label: "Action", selected: text.action ?? "",
                                       options: [("", "Any action")] + AdminAuditFilter.actions.map { ($0, $0) }, error: errors["action"]),
                AdminFormFields.text("resource", label: "Record type", value: text.resource ?? "", error: errors["resource"],
                                     hint: "Such as Patient or User.", extra: [.attr("list", "resource-types")]),
                AdminFormFields.select("outcome", label: "Outcome", selected: text.outcome ?? "",
                                       options: [("", "Any outcome")] + AdminAuditFilter.outcomes.map { ($0, $0) }, error: errors["outcome"]),
                .element(named: "datalist", nodes: [.attribute(named: "id", value: "usernames"),
                                                    .group(model.usernames.map { .element(named: "option", nodes: [.attr("value", $0)]) })]),
                .element(named: "datalist", nodes: [.attribute(named: "id", value: "resource-types"),
                                                    .group(model.resourceTypes.map { .element(named: "option", nodes: [.attr("value", $0)]) })]),
                .div(.class("actions"), .button(.type(.submit), "Show"), .a(.href("/admin/audit"), "Clear the filters")))
        }

        private static func rows(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            guard !model.page.rows.isEmpty else { return .p(.class("empty"), "No entry matches these filters.") }
            return .div(.class("table-scroll"), .table(
                .class("audit-rows"),
                .thead(.tr(.th("When"), .th("Who"), .th("Role"), .th("Action"), .th("Record"), .th("Patient"), .th("Detail"))),
                .tbody(.forEach(model.page.rows) { row in
                    .tr(.class(row.outcome == "success" ? "" : "audit-refused"),
                        .td(.class("nowrap"), .element(named: "time", nodes: [
                            .attribute(named: "datetime", value: JSONCoding.formatInstant(row.at)),
                            .safe(WebFormat.dateTime(row.at, in: context.timeZone))])),
                        .td(.unwrap(row.username) { username in
                            .a(.attr("href", "/admin/audit?user=" + AdminFormFields.queryValue(username)), .safe(username))
                        }, .if(row.username == nil, .span(.class("muted"), "the system"))),
                        .td(.safe(row.role ?? "—")),
                        .td(.safe(row.action), .if(row.outcome != "success", .group(.text(" "), .span(.class("badge badge--warn"), .safe(row.outcome))))),
                        .td(.safe(row.resource_type), .unwrap(row.resource_id) { .div(.class("muted audit-id"), .safe($0)) }),
                        .td(.unwrap(row.patient_id) { patient in
                            .a(.attr("href", "/admin/audit?patient=\(patient.uuidString)"), .safe(row.patientName ?? patient.uuidString))
                        }),
                        .td(.safe(row.detail ?? "")))
                })))
        }
    }
}

