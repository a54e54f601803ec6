import Foundation
import Plot
import TenderpointCore

/// One practitioner's week: a column per clinic day with the appointments in time order and the
/// free slots between them as links to the booking form; on a phone the days stack. A
/// practitioner also finds their own calendar feed here.
enum ScheduleWeekPage {
    struct Practitioner: Sendable, Equatable {
        let id: UUID
        let name: String
    }

    struct Appointment: Sendable, Equatable {
        let id: UUID
        let start: Date
        /// "09:00–09:30" on the clinic's clock.
        let time: String
        let patientID: UUID
        let patientName: String
        let kind: AppointmentKind
        let status: AppointmentStatus
        /// Booked inside the 84 days by a clinician's override.
        let overridden: Bool
    }

    struct Slot: Sendable, Equatable {
        let start: Date
        let date: CalendarDate
        /// "09:30" on the clinic's clock.
        let time: String
    }

    enum Item: Sendable, Equatable {
        case appointment(Appointment)
        /// Free slots with no appointment between them.
        case free([Slot])
    }

    struct Day: Sendable, Equatable {
        let date: CalendarDate
        /// False on a closed date (a holiday) or a weekday the clinic no longer opens.
        let open: Bool
        let items: [Item]

        var appointments: [Appointment] {
            items.compactMap { item -> Appointment? in
                if case .appointment(let appointment) = item { return appointment }
                return nil
            }
        }

        var slots: [Slot] {
            items.flatMap { item -> [Slot] in
                if case .free(let slots) = item { return slots }
                return []
            }
        }
    }

    struct Model: Sendable, Equatable {
        let practitioners: [Practitioner]
        let practitioner: Practitioner?
        let weekStart: CalendarDate
        let thisWeek: CalendarDate
        let days: [Day]
        /// Book links and cancel buttons (writeAppointments).
        let mayBook: Bool
        /// Names link to the patient's clinical page (readClinical).
        let linksToPatients: Bool
        /// The signed-in practitioner's own feed; nil for anyone else.
        var feed: CalendarFeedSection.State?
        var notice: String?

        var weekEnd: CalendarDate { weekStart.adding(days: 6) }

        var patientsShown: Set<UUID> { Set(days.flatMap { $0.appointments.map(\.patientID) }) }

        /// This page again, for a practitioner and week.
        func link(week: CalendarDate) -> String {
            var query = "week=\(week.iso)"
            if let practitioner { query = "practitioner=\(practitioner.id.uuidString)&" + query }
            return "/schedule?" + query
        }
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let title = model.practitioner.map { "Schedule: \($0.name)" } ?? "Schedule"
            return Layout.document(title: title, context: context, main: .group(
                .h1(.safe(title)),
                .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .safe($0)) },
                picker(model),
                .if(model.practitioner == nil, .p(.class("empty"), "There is no active clinician or nurse to show.")),
                .unwrap(model.practitioner) { _ in week(model, context: context) },
                .unwrap(model.feed) { feed($0, model: model, context: context) }
            ))
        }

        private static func picker(_ model: Model) -> Node<HTML.BodyContext> {
            .form(.class("search schedule-picker"), .action("/schedule"), .method(.get),
                  .div(.class("field"),
                       .label(.for("practitioner"), "Practitioner"),
                       FormControls.select(id: "practitioner", name: "practitioner",
                                           selected: model.practitioner?.id.uuidString ?? "",
                                           options: model.practitioners.map { ($0.id.uuidString, $0.name) })),
                  .input(.type(.hidden), .name("week"), .attr("value", model.weekStart.iso)),
                  .button(.type(.submit), .text("Show")))
        }

        private static func week(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            .group(
                .nav(.class("week-nav"), .attribute(named: "aria-label", value: "Weeks"),
                     .a(.attr("href", model.link(week: model.weekStart.adding(days: -7))), .attribute(named: "rel", value: "prev"), "← Previous week"),
                     .if(model.weekStart != model.thisWeek, .a(.attr("href", model.link(week: model.thisWeek)), "This week")),
                     .a(.attr("href", model.link(week: model.weekStart.adding(days: 7))), .attribute(named: "rel", value: "next"), "Next week →")),
                .h2(.id("week-heading"), .text("Week of "), .safe(WebFormat.date(model.weekStart)), .text(" – "),
                    .safe(WebFormat.date(model.weekEnd))),
                .if(model.days.isEmpty, .p(.class("empty"), "The clinic is closed all this week.")),
                .div(.class("schedule-week"), .forEach(model.days) { day(model, $0, context: context) })
            )
        }

        private static func day(_ model: Model, _ day: Day, context: PageContext) -> Node<HTML.BodyContext> {
            let heading = "day-\(day.date.iso)"
            return .section(
                .class(day.date == context.today ? "schedule-day schedule-day--today" : "schedule-day"),
                .attribute(named: "aria-labelledby", value: heading),
                .h3(.id(heading), .safe(WebFormat.date(day.date)),
                    .if(day.date == context.today, .group(.text(" "), .span(.class("badge badge--ok"), "today"))),
                    .if(!day.open, .group(.text(" "), .span(.class("badge badge--warn"), "closed")))),
                .if(day.items.isEmpty, .p(.class("empty"), .text(day.open ? "Nothing free or booked." : "Closed."))),
                .if(!day.items.isEmpty, .ol(.class("schedule-items"), .forEach(day.items) { item in
                    switch item {
                    case .appointment(let appointment): return self.appointment(appointment, model: model, context: context)
                    case .free(let slots): return free(slots, model: model)
                    }
                }))
            )
        }

        private static func appointment(_ appointment: Appointment, model: Model, context: PageContext) -> Node<HTML.ListContext> {
            let cancelled = appointment.status == .cancelled
            return .li(
                .class(cancelled ? "schedule-appointment is-cancelled" : "schedule-appointment"),
                .attribute(named: "data-appointment", value: appointment.id.uuidString),
                .strong(.class("schedule-time"), .safe(appointment.time)), .text(" "),
                model.linksToPatients ? .a(.href("/patients/\(appointment.patientID.uuidString)"), .safe(appointment.patientName))
                                      : .span(.safe(appointment.patientName)),
                .div(.class("schedule-kind"), .safe(WebFormat.kind(appointment.kind)),
                     .if(appointment.status != .booked, .group(.text(" "), .span(.class(cancelled ? "badge badge--error" : "badge"),
                                                                             .safe(WebFormat.status(appointment.status))))),
                     .if(appointment.overridden, .group(.text(" "), .span(.class("badge badge--warn"), "interval overridden")))),
                .if(model.mayBook && appointment.status == .booked, .form(
                    .class("schedule-cancel"), .action("/schedule/appointments/\(appointment.id.uuidString)/cancel"), .method(.post),
                    .attribute(named: "data-confirm", value: "Cancel this appointment?"),
                    Layout.csrfField(context),
                    .input(.type(.hidden), .name("practitioner"), .attr("value", model.practitioner?.id.uuidString ?? "")),
                    .input(.type(.hidden), .name("week"), .attr("value", model.weekStart.iso)),
                    .button(.type(.submit), .class("link-button"),
                            .attr("aria-label", "Cancel \(appointment.time) \(appointment.patientName)"),
                            .text("Cancel"))))
            )
        }

        private static func free(_ slots: [Slot], model: Model) -> Node<HTML.ListContext> {
            .li(.class("schedule-free"),
                .span(.class("schedule-free__label"), .text(model.mayBook ? "Free — book:" : "Free:")),
                .ul(.class("schedule-slots"), .forEach(slots) { slot in
                    guard model.mayBook, let practitioner = model.practitioner else {
                        return .li(.span(.class("slot"), .safe(slot.time)))
                    }
                    return .li(.a(.class("slot"),
                                  .attr("href", "/schedule/book?practitioner=\(practitioner.id.uuidString)&date=\(slot.date.iso)&time=\(slot.time)"),
                                  .span(.class("visually-hidden"), "Book "), .safe(slot.time),
                                  .span(.class("visually-hidden"), .safe(" on \(WebFormat.date(slot.date))"))))
                }))
        }

        private static func feed(_ feed: CalendarFeedSection.State, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            .section(.class("card calendar-feed"), .attribute(named: "aria-labelledby", value: "feed-heading"),
                .h2(.id("feed-heading"), "Your calendar feed"),
                .p(.class("hint"), "Subscribe to your own appointments in a calendar app (iCalendar). The feed shows each patient's initials and the kind of appointment only. Anyone with the link can read it: keep it private, and make a new one if it may have leaked (the old link stops working)."),
                CalendarFeedSection.body(feed, action: "/schedule/feed", context: context,
                                         keeping: [("practitioner", model.practitioner?.id.uuidString ?? ""), ("week", model.weekStart.iso)])
            )
        }
    }
}
