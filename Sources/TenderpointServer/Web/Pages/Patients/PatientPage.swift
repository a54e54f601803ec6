import Foundation
import Plot
import TenderpointCore

/// A patient's clinical page: who they are, what they have, how they scored last, where they
/// stand in the re-injection cycle, the timeline chart, and how they responded to each session.
enum PatientPage {
    struct Model: Sendable {
        let timeline: TimelineDTO
        let chart: TimelineChart.Model
        let range: ChartRange
        let fiqrBands: FIQRSeverityBands
        /// What was just saved (`examination`, `session`), for a notice.
        var saved: String? = nil
        /// Each session's response, the predicted wear-off and the non-response flags
        /// (`GET /api/patients/{id}/outcomes`); nil where the page is shown without them.
        var outcomes: OutcomeDTO.PatientOutcomes? = nil
        /// Urgent reports not yet acknowledged; nil when the role may not see them.
        var alerts: [AlertDTO]? = nil
        /// The diary of the last 14 days, newest first, with late entries marked; nil when not read.
        var recentDiary: [DiaryEntryDTO]? = nil
    }

    static let recentDiaryDays = 14

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let patient = model.timeline.patient
            let name = "\(patient.givenName) \(patient.familyName)"
            return Layout.document(title: name, context: context, main: .group(
                .p(.a(.href("/patients"), "← Patients")),
                .h1(.safe(name)),
                .unwrap(model.alerts) { alerts in
                    alerts.isEmpty ? .empty : AlertPanel.render(alerts, context: context, returnTo: "/patients/\(patient.id.uuidString)",
                                                                showPatient: false, linksToPatients: false)
                },
                .unwrap(model.saved) { saved in
                    .div(.class("notice"), .attribute(named: "role", value: "status"),
                         .safe(saved == "session" ? "The session was charted; its follow-ups are booked below."
                               : saved == "void" ? "The session was voided: it stays in the record, marked, and counts for nothing; its follow-ups still to come are cancelled."
                               : "The examination was saved; its scores are below."))
                },
                .if(context.allows(.writeClinical) || context.allows(.chartSession), .p(.class("actions"),
                    .if(context.allows(.writeClinical), .a(.class("button secondary"), .href("/patients/\(patient.id.uuidString)/examination"), "Record an examination")),
                    .if(context.allows(.chartSession), .a(.class("button secondary"), .href("/patients/\(patient.id.uuidString)/session"), "Chart a session")))),
                .div(.class("patient-layout"),
                     .div(demographics(model, today: context.today), diagnosis(model.timeline), reinjection(model.timeline),
                          sessions(model.timeline, patientID: patient.id, mayVoid: context.allows(.voidSession))),
                     .div(latestScores(model),
                          TimelineChartSection.render(model.chart, range: model.range,
                                                      basePath: "/patients/\(patient.id.uuidString)", heading: "Pain diary and sessions"),
                          appointments(model.timeline, timeZone: context.timeZone),
                          .unwrap(model.recentDiary) { recentDiary($0, timeZone: context.timeZone) })),
                .unwrap(model.outcomes) { PatientOutcomesSection.render($0) }
            ))
        }

        private static func demographics(_ model: Model, today: CalendarDate) -> Node<HTML.BodyContext> {
            let patient = model.timeline.patient
            return .section(.attribute(named: "aria-labelledby", value: "details-heading"),
                .h2(.id("details-heading"), "Details"),
                .dl(.class("facts"),
                    .dt("Born"), .dd(.safe("\(WebFormat.date(patient.birthDate)) (\(patient.birthDate.age(on: today)) years)")),
                    .dt("Sex"), .dd(.safe(patient.sex.rawValue)),
                    .dt("NHS number"), .dd(.safe(patient.nhsNumber.flatMap { NHSNumber($0)?.formatted ?? $0 } ?? "—")),
                    .dt("Phone"), .dd(.safe(patient.phone ?? "—")),
                    .dt("Email"), .dd(.safe(patient.email ?? "—"))))
        }

        /// The sessions that count (a voided one is kept in the record, not listed here), with a
        /// link for a clinician to void one charted in error.
        private static func sessions(_ timeline: TimelineDTO, patientID: UUID, mayVoid: Bool) -> Node<HTML.BodyContext> {
            .section(.attribute(named: "aria-labelledby", value: "sessions-heading"),
                .h2(.id("sessions-heading"), "Sessions"),
                timeline.sessions.isEmpty ? .p(.class("empty"), "None charted.") : .ul(.forEach(timeline.sessions) { session in
                    .li(.safe("\(WebFormat.date(session.date)): \(session.totalUnits) of \(session.product)"),
                        .if(mayVoid, .group(.text(" "), .a(.href("/patients/\(patientID.uuidString)/sessions/\(session.id.uuidString)/void"),
                                                          .attribute(named: "aria-label", value: "Void the session of \(WebFormat.date(session.date))"),
                                                          "Void…"))))
                }))
        }

        private static func diagnosis(_ timeline: TimelineDTO) -> Node<HTML.BodyContext> {
            .section(.attribute(named: "aria-labelledby", value: "diagnosis-heading"),
                .h2(.id("diagnosis-heading"), "Diagnosis"),
                timeline.conditions.isEmpty ? .p(.class("empty"), "None recorded.") : .ul(.forEach(timeline.conditions) { condition in
                    .li(.strong(.safe(condition.name)), .text(" "),
                        .span(.class("muted"), .safe(condition.codes.map(\.code).joined(separator: ", "))),
                        .text(" — "), .safe(condition.clinicalStatus.rawValue),
                        .unwrap(condition.onsetDate) { .group(.text(", since "), .safe(WebFormat.shortDate($0) + " \($0.year)")) })
                }))
        }

        private static func reinjection(_ timeline: TimelineDTO) -> Node<HTML.BodyContext> {
            .section(.attribute(named: "aria-labelledby", value: "cycle-heading"),
                .h2(.id("cycle-heading"), "Re-injection"),
                .unwrap(timeline.reinjectionWindow, { window in
                    let decision = ReinjectionWindow.assess(proposed: timeline.today, lastSession: window.lastSessionDate)
                    return .group(
                        .dl(.class("facts"),
                            .dt("Last session"), .dd(.safe(WebFormat.date(window.lastSessionDate))),
                            .dt("Earliest next"), .dd(.safe(WebFormat.date(window.earliest))),
                            .dt("Target window"), .dd(.safe("\(WebFormat.shortDate(window.targetFrom)) – \(WebFormat.date(window.targetTo))"))),
                        .p(status(decision)))
                }, else: .p(.class("empty"), "No session yet.")))
        }

        private static func status(_ decision: ReinjectionDecision) -> Node<HTML.BodyContext> {
            switch decision {
            case .firstSession: return .text("No session yet.")
            case .tooEarly(let earliest, let days):
                return .group(.span(.class("badge badge--warn"), "too early"),
                              .safe(" Day \(days) since the last session; the next may be on \(WebFormat.date(earliest)) or later."))
            case .allowed(let inTarget, let days):
                return .group(.span(.class(inTarget ? "badge badge--ok" : "badge badge--warn"), .text(inTarget ? "in window" : "past week 16")),
                              .safe(" Day \(days) since the last session."))
            case .overridden(_, let days):
                return .safe("Day \(days) since the last session.")
            }
        }

        private static func latestScores(_ model: Model) -> Node<HTML.BodyContext> {
            let scores = model.timeline.latestScores
            var rows: [(String, String, CalendarDate)] = []
            if let score = scores.painNRS { rows.append(("Pain NRS", "\(score.value) / 10", score.date)) }
            if let score = scores.fiqrTotal {
                rows.append(("FIQR total", "\(WebFormat.oneDecimal(score.value)) (\(model.fiqrBands.band(for: score.value).label.lowercased()))", score.date))
            }
            if let score = scores.wpi { rows.append(("WPI", "\(score.value) / 19", score.date)) }
            if let score = scores.sss { rows.append(("SSS", "\(score.value) / 12", score.date)) }
            if let score = scores.fs {
                rows.append(("FS", "\(score.value) / 31 (\(FibromyalgiaSeverityBand(fibromyalgiaSeverity: score.value).label.lowercased()))", score.date))
            }
            if let score = scores.acr2016CriteriaMet { rows.append(("ACR 2016 criteria", score.value ? "met" : "not met", score.date)) }
            if let score = scores.tenderPointCount { rows.append(("Tender points", "\(score.value) / 18", score.date)) }
            if let score = scores.acr1990CriteriaMet { rows.append(("ACR 1990 criteria", score.value ? "met" : "not met", score.date)) }
            if let score = scores.pgic { rows.append(("PGIC", PGIC(rawValue: score.value)?.label ?? "\(score.value)", score.date)) }
            let diary = model.timeline.diary
            return .section(.attribute(named: "aria-labelledby", value: "scores-heading"),
                .h2(.id("scores-heading"), "Latest scores"),
                rows.isEmpty ? .p(.class("empty"), "No assessment yet.") : .div(.class("table-scroll"), .table(
                    .thead(.tr(.th("Measure"), .th("Score"), .th("Date"))),
                    .tbody(.forEach(rows) { row in .tr(.td(.safe(row.0)), .td(.safe(row.1)), .td(.safe(WebFormat.date(row.2)))) }))),
                .p(.class("muted"), .safe("Diary: \(diary.count) entries"
                    + (diary.meanPainNRSLast14Days.map { "; mean pain over the last 14 days \(WebFormat.oneDecimal($0)) (\(diary.entriesLast14Days) entries)" } ?? "; none in the last 14 days")
                    + ".")))
        }

        /// What the patient wrote lately, side effects and late entries included.
        private static func recentDiary(_ entries: [DiaryEntryDTO], timeZone: TimeZone) -> Node<HTML.BodyContext> {
            .section(.id("recent-diary"), .attribute(named: "aria-labelledby", value: "recent-diary-heading"),
                .h2(.id("recent-diary-heading"), .text("Diary, last \(PatientPage.recentDiaryDays) days")),
                entries.isEmpty ? .p(.class("empty"), "No entries in the last two weeks.")
                    : DiaryEntryList.render(entries, timeZone: timeZone, showDate: true))
        }

        private static func appointments(_ timeline: TimelineDTO, timeZone: TimeZone) -> Node<HTML.BodyContext> {
            .section(.attribute(named: "aria-labelledby", value: "appointments-heading"),
                .h2(.id("appointments-heading"), "Upcoming appointments"),
                timeline.appointments.upcoming.isEmpty ? .p(.class("empty"), "None booked.") : .ul(.forEach(timeline.appointments.upcoming) { appointment in
                    .li(.safe(WebFormat.dateTime(appointment.startAt, in: timeZone)), .text(" — "),
                        .safe(AppointmentKind(rawValue: appointment.kind).map(WebFormat.kind) ?? appointment.kind),
                        .text(" with "), .safe(appointment.practitioner.displayName),
                        .if(appointment.status != AppointmentStatus.booked.rawValue,
                            .group(.text(" ("), .safe(appointment.status), .text(")"))))
                }))
        }
    }
}
