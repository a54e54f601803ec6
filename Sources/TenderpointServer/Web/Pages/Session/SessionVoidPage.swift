import Foundation
import Plot
import TenderpointCore

/// Voiding a session charted in error (DOMAIN.md §3 "Void, never delete"): what the session was,
/// what voiding does, and the reason, which a clinician must write. The session stays in the
/// record, marked; it stops counting for the interval, the dose limits, the vial's content and
/// the outcomes, and its follow-ups still to come are cancelled.
enum SessionVoidPage {
    struct Model: Sendable {
        let patientID: UUID
        let patientName: String
        let session: SessionDTO
        var reason: String = ""
        var error: String?
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let session = model.session
            let path = "/patients/\(model.patientID.uuidString)/sessions/\(session.id.uuidString)/void"
            return Layout.document(title: "Void a session", context: context, main: .group(
                .p(.a(.href("/patients/\(model.patientID.uuidString)"), .safe("← \(model.patientName)"))),
                .h1(.safe("Void the session of \(WebFormat.date(session.date))")),
                .dl(.class("facts"),
                    .dt("Product"), .dd(.safe(session.product.rawValue)),
                    .dt("Total"), .dd(.safe(session.totalUnits.description)),
                    .dt("Injections"), .dd(.safe("\(session.injections.count)"))),
                .unwrap(session.voided, { voided in
                    .p(.class("notice"), .safe("Voided on \(WebFormat.dateTime(voided.at, in: context.timeZone)): \(voided.reason)"))
                }, else: .form(
                    .action(path), .method(.post), .attribute(named: "novalidate"),
                    Layout.csrfField(context),
                    .p(.class("hint"), .text("Only for a session charted in error (the wrong patient, a duplicate). It stays in the record, "
                       + "marked as voided, and stops counting for the 84-day interval, the dose limits, the vials' content and the "
                       + "outcome report; its follow-ups still to come are cancelled. This cannot be undone.")),
                    .div(.id("reason-field"), .class(model.error == nil ? "field" : "field has-error"),
                         .label(.for("reason"), "Why was it charted in error?"),
                         .unwrap(model.error) { error in
                             .p(.id("reason-error"), .class("error"), .span(.class("visually-hidden"), "Error: "), .safe(error))
                         },
                         .textarea(.id("reason"), .name("reason"), .attribute(named: "required"),
                                   .attribute(named: "maxlength", value: "\(SessionVoid.maximumReasonLength)"),
                                   .if(model.error != nil, .attribute(named: "aria-describedby", value: "reason-error")),
                                   .if(model.error != nil, .attribute(named: "aria-invalid", value: "true")),
                                   .text(model.reason))),
                    .div(.class("actions"), .button(.type(.submit), .text("Void the session")))))))
        }
    }
}
