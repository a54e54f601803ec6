import Foundation
import Plot
import TenderpointCore

/// Finding a patient by name, NHS number or birth date.
enum PatientSearchPage {
    struct Model: Sendable, Equatable {
        var query = ""
        var result: PatientSearchQuery.Result?
        /// Whether names link to the clinical page (by the access table).
        var linksToPatients = false
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "Patients", context: context, main: .group(
                .h1("Patients"),
                .form(.class("search"), .action("/patients"), .method(.get), .attribute(named: "role", value: "search"),
                      .div(.class("field"),
                           .label(.for("patient-query"), "Name, NHS number or birth date (YYYY-MM-DD)"),
                           .input(.type(.search), .id("patient-query"), .name("q"), .attr("value", model.query),
                                  .attr("autocomplete", "off"))),
                      .button(.type(.submit), .text("Search"))),
                .unwrap(model.result, { result in results(result, model: model) },
                        else: .p(.class("muted"), "Type part of a name, an NHS number or a birth date."))
            ))
        }

        private static func results(_ result: PatientSearchQuery.Result, model: Model) -> Node<HTML.BodyContext> {
            guard !result.patients.isEmpty else {
                return .p(.attribute(named: "role", value: "status"), .text("No patient matches "), .strong(.safe(model.query)), ".")
            }
            return .group(
                .p(.attribute(named: "role", value: "status"),
                   .safe(result.total > result.patients.count
                         ? "\(result.total) patients match; the first \(result.patients.count) are shown. Add a word to narrow it."
                         : "\(result.total) patient\(result.total == 1 ? "" : "s") match.")),
                .div(.class("table-scroll"), .table(
                    .thead(.tr(.th("Name"), .th("Born"), .th("NHS number"))),
                    .tbody(.forEach(result.patients) { patient in
                        let name = "\(patient.familyName), \(patient.givenName)"
                        return .tr(
                            .td(model.linksToPatients ? .a(.href("/patients/\(patient.id.uuidString)"), .safe(name)) : .safe(name)),
                            .td(.safe(WebFormat.date(patient.birthDate))),
                            .td(.safe(patient.nhsNumber.flatMap { NHSNumber($0)?.formatted } ?? "—")))
                    }))))
        }
    }
}
