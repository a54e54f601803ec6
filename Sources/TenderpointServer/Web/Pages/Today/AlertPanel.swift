import Foundation
import Plot
import TenderpointCore

/// Urgent patient reports not yet acknowledged (DOMAIN.md §4), on Today and on the patient's
/// page, each with an Acknowledge button (a form with the CSRF token and an optional note) that
/// goes through `AlertController.acknowledge`.
enum AlertPanel {
    static func render(_ alerts: [AlertDTO], context: PageContext, returnTo: String, showPatient: Bool,
                       linksToPatients: Bool) -> Node<HTML.BodyContext> {
        .section(.class("card alerts"), .id("alerts"), .attribute(named: "aria-labelledby", value: "alerts-heading"),
            .h2(.id("alerts-heading"), .text("Urgent patient reports "), .span(.class("badge badge--error"), .text("\(alerts.count)"))),
            .p(.class("hint"), .text("Reported by the patient in the diary: distant spread of toxin effect, swallowing difficulty or an "
               + "allergic reaction. Contact the patient now; each stays here until a clinician or nurse acknowledges it.")),
            .ul(.class("alert-list"), .forEach(alerts) { alert in
                .li(.id("alert-\(alert.id.uuidString)"),
                    .p(.span(.class("badge badge--error"), "urgent"), .text(" "),
                       .if(showPatient, .group(
                           linksToPatients ? .a(.href("/patients/\(alert.patientId.uuidString)"), .safe(alert.patientName)) : .safe(alert.patientName),
                           .text(" — "))),
                       .strong(.safe(alert.kindLabel)),
                       .text(", reported "), .safe(WebFormat.dateTime(alert.raisedAt, in: context.timeZone)),
                       .if(alert.adverseEventId == nil, .span(.class("muted"), " (no session in the last 16 weeks: no adverse event recorded)"))),
                    .if(context.allows(.acknowledgeAlerts), .form(
                        .action("/alerts/\(alert.id.uuidString)/acknowledge"), .method(.post), .class("inline-form"),
                        Layout.csrfField(context),
                        .input(.type(.hidden), .name("return"), .attr("value", returnTo)),
                        .label(.for("note-\(alert.id.uuidString)"), "Note", .span(.class("muted"), " (optional)")),
                        .input(.type(.text), .id("note-\(alert.id.uuidString)"), .name("note"),
                               .attr("maxlength", "\(AlertAcknowledgementInput.maximumNoteLength)")),
                        .button(.type(.submit), .text("Acknowledge")))))
            }))
    }
}
