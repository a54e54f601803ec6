import Foundation
import Plot
import TenderpointCore

/// "My appointments": what is booked, the last year's past ones, and the patient's own calendar feed.
enum PortalAppointmentsPage {
    struct Model: Sendable {
        let upcoming: [AppointmentDTO]
        let past: [AppointmentDTO]
        var feed = CalendarFeedSection.State(since: nil)
        var notice: String?
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "My appointments", context: context, bodyClass: "portal", main: .group(
                .h1("My appointments"),
                .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .safe($0)) },
                .h2("Coming up"),
                list(model.upcoming, context: context, empty: "Nothing booked. The clinic will contact you."),
                .h2("In the last year"),
                list(model.past, context: context, empty: "None."),
                .section(.class("card calendar-feed"), .attribute(named: "aria-labelledby", value: "feed-heading"),
                    .h2(.id("feed-heading"), "In your phone's calendar"),
                    .p(.class("hint"), "A private link your calendar app can subscribe to: it shows the kind of each appointment and who it is with, nothing else. Anyone with the link can read it, so keep it to yourself; if it may have leaked, make a new one and the old one stops working."),
                    CalendarFeedSection.body(model.feed, action: "/portal/calendar-feed", context: context))
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
