import Foundation
import Plot
import TenderpointCore

/// "My appointments": what is booked, and the last year's past ones.
enum PortalAppointmentsPage {
    struct Model: Sendable {
        let upcoming: [AppointmentDTO]
        let past: [AppointmentDTO]
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "My appointments", context: context, bodyClass: "portal", main: .group(
                .h1("My appointments"),
                .h2("Coming up"),
                list(model.upcoming, context: context, empty: "Nothing booked. The clinic will contact you."),
                .h2("In the last year"),
                list(model.past, context: context, empty: "None.")
            ))
        }

        private static func list(_ appointments: [AppointmentDTO], context: PageContext, empty: String) -> Node<HTML.BodyContext> {
            appointments.isEmpty ? .p(.class("empty"), .safe(empty)) : .ul(.class("entries"), .forEach(appointments) { appointment in
                .li(.strong(.safe(WebFormat.dateTime(appointment.start, in: context.timeZone))),
                    .text(" — "), .safe(WebFormat.kind(appointment.kind)), .text(" with "), .safe(appointment.practitionerName),
                    .if(appointment.status != .booked, .group(.text(" "), .span(.class("badge"), .safe(WebFormat.status(appointment.status))))),
                    .if(appointment.kind == .onsetCheck, .div(.class("muted"), "A phone call: the clinic will ring you.")))
            })
        }
    }
}
