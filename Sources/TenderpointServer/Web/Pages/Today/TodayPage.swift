import Foundation
import Plot
import TenderpointCore

/// The clinic's day: who is seen by whom, which follow-ups the protocol puts on today, whose
/// re-injection window opens this week, and which vials run out of date within 30 days.
enum TodayPage {
    struct Model: Sendable, Equatable {
        struct Appointment: Sendable, Equatable {
            let time: String
            let patientID: UUID
            let patientName: String
            let kind: AppointmentKind
            let status: AppointmentStatus
        }

        struct PractitionerDay: Sendable, Equatable {
            let name: String
            let appointments: [Appointment]
        }

        struct DueFollowUp: Sendable, Equatable {
            let patientID: UUID
            let patientName: String
            let sessionDate: CalendarDate
            /// The follow-up's nominal day was closed, so it moved to today.
            let moved: Bool
            /// The time of its booked appointment today, if one is booked today.
            let bookedTime: String?
        }

        struct FollowUpGroup: Sendable, Equatable {
            let kind: FollowUpKind
            let patients: [DueFollowUp]
        }

        struct WindowOpening: Sendable, Equatable {
            let patientID: UUID
            let patientName: String
            let window: ReinjectionWindow
            /// The next injection appointment booked after the last session, if any.
            let bookedInjection: CalendarDate?
        }

        struct ExpiringVial: Sendable, Equatable {
            let product: String
            let lotNumber: String
            let expiryDate: CalendarDate
            /// Negative once expired.
            let daysLeft: Int
            let state: String
        }

        let date: CalendarDate
        let weekStart: CalendarDate
        let weekEnd: CalendarDate
        let practitioners: [PractitionerDay]
        /// Nil when the role may not see them (by the access table).
        let followUps: [FollowUpGroup]?
        let reinjection: [WindowOpening]?
        let vials: [ExpiringVial]?
        /// Whether names link to the patient's clinical page.
        let linksToPatients: Bool
        /// Urgent patient reports not yet acknowledged; nil when the role may not see them.
        var alerts: [AlertDTO]? = nil

        /// Everyone whose data the page shows, for the audit trail.
        var patientsShown: Set<UUID> {
            var shown = Set(practitioners.flatMap { $0.appointments.map(\.patientID) })
            for group in followUps ?? [] { shown.formUnion(group.patients.map(\.patientID)) }
            shown.formUnion((reinjection ?? []).map(\.patientID))
            shown.formUnion((alerts ?? []).map(\.patientId))
            return shown
        }
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "Today", context: context, main: .group(
                .h1(.text("Today, "), .safe(WebFormat.date(model.date))),
                .unwrap(model.alerts) { alerts in
                    alerts.isEmpty ? .empty : AlertPanel.render(alerts, context: context, returnTo: "/today", showPatient: true,
                                                                linksToPatients: model.linksToPatients)
                },
                .div(.class("cards"),
                     appointments(model),
                     .unwrap(model.followUps) { followUps($0, model: model) },
                     .unwrap(model.reinjection) { reinjection($0, model: model) },
                     .unwrap(model.vials) { vials($0) })
            ))
        }

        private static func patient(_ id: UUID, _ name: String, model: Model) -> Node<HTML.BodyContext> {
            model.linksToPatients ? .a(.href("/patients/\(id.uuidString)"), .safe(name)) : .safe(name)
        }

        private static func appointments(_ model: Model) -> Node<HTML.BodyContext> {
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "appointments-heading"),
                .h2(.id("appointments-heading"), "Appointments"),
                .if(model.practitioners.isEmpty, .p(.class("empty"), "No appointments today.")),
                .forEach(model.practitioners) { day in
                    .div(.class("table-scroll"), .table(
                        .caption(.safe(day.name)),
                        .thead(.tr(.th("Time"), .th("Patient"), .th("For"), .th("Status"))),
                        .tbody(.forEach(day.appointments) { appointment in
                            .tr(.td(.class("nowrap"), .safe(appointment.time)),
                                .td(patient(appointment.patientID, appointment.patientName, model: model)),
                                .td(.safe(WebFormat.kind(appointment.kind))),
                                .td(.safe(WebFormat.status(appointment.status))))
                        })
                    ))
                })
        }

        private static func followUps(_ groups: [Model.FollowUpGroup], model: Model) -> Node<HTML.BodyContext> {
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "follow-ups-heading"),
                .h2(.id("follow-ups-heading"), "Follow-ups due today"),
                .p(.class("hint"), "From each patient's session date: day-8 onset call, week-3 peak review, week-12 reassessment."),
                .forEach(groups) { group in
                    .group(
                        .h3(.safe(group.kind.label), .text(" "), .span(.class("badge"), .text("\(group.patients.count)"))),
                        group.patients.isEmpty ? .p(.class("empty"), "None.") : .ul(.forEach(group.patients) { due in
                            .li(patient(due.patientID, due.patientName, model: model),
                                .text(" — session "), .safe(WebFormat.shortDate(due.sessionDate)),
                                .if(due.moved, .text(" (moved from a closed day)")),
                                .unwrap(due.bookedTime, { .group(.text(", booked "), .safe($0)) },
                                        else: .group(.text(" "), .span(.class("badge badge--warn"), "not booked today"))))
                        })
                    )
                })
        }

        private static func reinjection(_ openings: [Model.WindowOpening], model: Model) -> Node<HTML.BodyContext> {
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "window-heading"),
                .h2(.id("window-heading"), "Re-injection window opens this week"),
                .p(.class("hint"), .text("Week of "), .safe(WebFormat.shortDate(model.weekStart)), .text(" to "),
                   .safe(WebFormat.shortDate(model.weekEnd)), .text(": 84 days since the last session; target weeks 12–16.")),
                openings.isEmpty ? .p(.class("empty"), "No windows open this week.") : .div(.class("table-scroll"), .table(
                    .thead(.tr(.th("Patient"), .th("Last session"), .th("Earliest"), .th("Target until"), .th("Next injection"))),
                    .tbody(.forEach(openings) { opening in
                        .tr(.td(patient(opening.patientID, opening.patientName, model: model)),
                            .td(.safe(WebFormat.shortDate(opening.window.lastSessionDate))),
                            .td(.safe(WebFormat.date(opening.window.earliest))),
                            .td(.safe(WebFormat.shortDate(opening.window.targetTo))),
                            .td(.unwrap(opening.bookedInjection, { .safe(WebFormat.date($0)) },
                                        else: .span(.class("badge badge--warn"), "not booked"))))
                    })
                ))
            )
        }

        private static func vials(_ vials: [Model.ExpiringVial]) -> Node<HTML.BodyContext> {
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "vials-heading"),
                .h2(.id("vials-heading"), "Vials expiring within 30 days"),
                vials.isEmpty ? .p(.class("empty"), "No open or unopened vial expires within 30 days.") : .div(.class("table-scroll"), .table(
                    .thead(.tr(.th("Product"), .th("Lot"), .th("Expires"), .th("State"))),
                    .tbody(.forEach(vials) { vial in
                        .tr(.td(.safe(vial.product)), .td(.safe(vial.lotNumber)),
                            .td(.safe(WebFormat.date(vial.expiryDate)), .text(" "),
                                vial.daysLeft < 0
                                    ? .span(.class("badge badge--error"), "expired")
                                    : .span(.class("badge badge--warn"), .text(vial.daysLeft == 0 ? "today" : "in \(WebFormat.days(vial.daysLeft))"))),
                            .td(.safe(vial.state)))
                    })
                ))
            )
        }
    }
}
