import Foundation
import Plot
import TenderpointCore

/// Booking an appointment: the patient (found by name or NHS number, or already chosen), the
/// practitioner, the kind, the date and time (prefilled from a free slot) and the length. The
/// API decides; every refusal is shown beside its field with what was typed kept, and the
/// override of the 84-day interval is offered to clinicians only.
enum ScheduleBookingPage {
    struct PatientOption: Sendable, Equatable {
        let id: UUID
        let name: String
        let birthDate: CalendarDate
        let nhsNumber: String?

        var label: String {
            "\(name) — born \(WebFormat.date(birthDate))" + (nhsNumber.flatMap { NHSNumber($0)?.formatted }.map { " — NHS \($0)" } ?? "")
        }
    }

    struct Model: Sendable, Equatable {
        var form: ScheduleBookingForm
        let practitioners: [ScheduleWeekPage.Practitioner]
        /// The patients to choose from: the chosen one first, then the search's results.
        var patients: [PatientOption] = []
        /// What the search found, in words; nil when nothing was searched.
        var searchSummary: String?
        /// A clinician may override the minimum interval with a reason.
        let mayOverride: Bool
        var errors: [String: String] = [:]

        /// Back to the week of the chosen date (or this week) for the chosen practitioner.
        var scheduleLink: String {
            var query: [String] = []
            if UUID(uuidString: form.practitionerID) != nil { query.append("practitioner=\(form.practitionerID)") }
            if let date = form.calendarDate { query.append("week=\(ScheduleWeekQuery.weekStart(of: date).iso)") }
            return "/schedule" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let form = model.form
            let errors = ["patientId", "practitionerId", "kind", "start", "duration", "overrideReason", "note"]
                .compactMap { field in model.errors[field].map { (field: field, message: $0) } }
            func fieldClass(_ name: String) -> String { model.errors[name] == nil ? "field" : "field field--error" }
            return Layout.document(title: "Book an appointment", context: context, main: .group(
                .p(.a(.attr("href", model.scheduleLink), "← Schedule")),
                .h1("Book an appointment"),
                FormControls.errorSummary(errors, title: "The appointment was not booked"),
                .form(
                    .class("booking-form"), .action("/schedule/book"), .method(.post), .novalidate(),
                    Layout.csrfField(context),
                    patient(model),
                    .div(.id("practitionerId-field"), .class(fieldClass("practitionerId")),
                         .label(.for("practitionerId"), "Practitioner"),
                         FormControls.errorMessage("practitionerId", model.errors["practitionerId"]),
                         FormControls.select(id: "practitionerId", name: "practitionerId", selected: form.practitionerID,
                                             options: model.practitioners.map { ($0.id.uuidString, $0.name) })),
                    .div(.id("kind-field"), .class(fieldClass("kind")),
                         .label(.for("kind"), "Kind of appointment"),
                         FormControls.errorMessage("kind", model.errors["kind"]),
                         FormControls.select(id: "kind", name: "kind", selected: form.kind,
                                             options: AppointmentKind.allCases.map { ($0.rawValue, WebFormat.kind($0)) }),
                         .p(.class("hint"), "An injection session must be at least 84 days after the patient's last one.")),
                    .fieldset(.id("start-field"), .class(fieldClass("start") + " booking-when"),
                              .element(named: "legend", nodes: [.text("When (clinic time)")]),
                              FormControls.errorMessage("start", model.errors["start"]),
                              .div(.class("booking-when__parts"),
                                   .div(.label(.for("date"), "Date"),
                                        .input(.type(.date), .id("date"), .name("date"), .attr("value", form.date))),
                                   .div(.label(.for("time"), "Time"),
                                        .input(.type(.time), .id("time"), .name("time"), .attr("value", form.time), .attr("step", "300"))))),
                    .div(.id("duration-field"), .class(fieldClass("duration")),
                         .label(.for("duration"), "Length in minutes"),
                         FormControls.errorMessage("duration", model.errors["duration"]),
                         .input(.type(.number), .class("narrow"), .id("duration"), .name("duration"), .attr("value", form.duration),
                                .attr("min", "\(AppointmentInput.durationRange.lowerBound)"),
                                .attr("max", "\(AppointmentInput.durationRange.upperBound)"), .attr("step", "5"))),
                    .if(model.mayOverride, .div(.id("overrideReason-field"), .class(fieldClass("overrideReason")),
                         .label(.for("overrideReason"), "Override the 84-day minimum interval",
                                .span(.class("muted"), " (clinicians only; leave blank unless needed)")),
                         .p(.class("hint"), "Only for an injection session that is too early, with a written clinical reason; the override is audited."),
                         FormControls.errorMessage("overrideReason", model.errors["overrideReason"]),
                         .textarea(.id("overrideReason"), .name("overrideReason"), .safe(form.overrideReason)))),
                    .div(.id("note-field"), .class(fieldClass("note")),
                         .label(.for("note"), "Note", .span(.class("muted"), " (optional; not clinical details)")),
                         FormControls.errorMessage("note", model.errors["note"]),
                         .textarea(.id("note"), .name("note"), .safe(form.note))),
                    .div(.class("actions"),
                         .button(.type(.submit), .attr("name", "intent"), .attr("value", "book"), .text("Book the appointment")))
                )
            ))
        }

        /// The search comes first in the form, so Enter in the search box finds rather than books.
        private static func patient(_ model: Model) -> Node<HTML.FormContext> {
            .fieldset(
                .id("patientId-field"), .class(model.errors["patientId"] == nil ? "field booking-patient" : "field field--error booking-patient"),
                .element(named: "legend", nodes: [.text("Patient")]),
                FormControls.errorMessage("patientId", model.errors["patientId"]),
                .div(.class("search"),
                     .div(.class("field"),
                          .label(.for("patientQuery"), "Find by name, NHS number or birth date (YYYY-MM-DD)"),
                          .input(.type(.search), .id("patientQuery"), .name("patientQuery"), .attr("value", model.form.patientQuery),
                                 .attr("autocomplete", "off"))),
                     .button(.type(.submit), .class("secondary"), .attr("name", "intent"), .attr("value", "search"), .text("Find"))),
                .unwrap(model.searchSummary) { .p(.attribute(named: "role", value: "status"), .safe($0)) },
                .if(model.patients.isEmpty && model.searchSummary == nil,
                    .p(.class("hint"), "Find the patient, then choose them from the list.")),
                .if(!model.patients.isEmpty, .ul(.class("checks booking-patients"), .forEach(model.patients.enumerated()) { index, option in
                    .li(.input(.type(.radio), .id("patient-\(index)"), .name("patientId"), .attr("value", option.id.uuidString),
                               .flag("checked", option.id.uuidString.lowercased() == model.form.patientID.lowercased())),
                        .label(.for("patient-\(index)"), .safe(option.label)))
                }))
            )
        }
    }
}
