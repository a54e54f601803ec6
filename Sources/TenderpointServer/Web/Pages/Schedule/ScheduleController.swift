import Fluent
import Foundation
import TenderpointCore
import Vapor

/// The schedule: `GET /schedule?practitioner=ID&week=YYYY-MM-DD` (a practitioner's week with
/// its free slots), `GET/POST /schedule/book` (booking through `AppointmentController.create`),
/// `POST /schedule/appointments/{id}/cancel` (through `AppointmentController.update`) and
/// `POST /schedule/feed` (a practitioner's own calendar feed link: make or end it).
struct ScheduleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let schedule = routes.grouped("schedule")
        schedule.get(use: week)
        schedule.get("book", use: bookingForm)
        schedule.post("book", use: book)
        schedule.post("appointments", ":appointmentID", "cancel", use: cancel)
        schedule.post("feed", use: feed)
    }

    // MARK: The week

    @Sendable
    func week(request: Request) async throws -> Response {
        let user = try await request.authorize(.readAppointments, resource: "Appointment")
        var model = try await Self.weekModel(request, user: user, practitioner: request.query[String.self, at: "practitioner"],
                                             week: request.query[String.self, at: "week"])
        model.notice = Self.notice(request.query[String.self, at: "done"])
        return ScheduleWeekPage.View.render(model, context: request.pageContext).response()
    }

    /// What a finished action says on the page it returns to.
    static func notice(_ done: String?) -> String? {
        switch done {
        case "booked": "The appointment is booked."
        case "cancelled": "The appointment is cancelled."
        case "feed-off": "Your calendar feed is off: the old link no longer works."
        default: nil
        }
    }

    /// The week of the chosen practitioner (default: the signed-in user when they are one, else
    /// the first by name), audited once per patient shown, like the Today page.
    static func weekModel(_ request: Request, user: AuthenticatedUser, practitioner practitionerText: String?, week weekText: String?,
                          newFeedURL: String? = nil) async throws -> ScheduleWeekPage.Model {
        let calendar = try await request.schedulingCalendar()
        let now = Date()
        let today = CalendarDate(now, in: calendar.timeZone)
        var weekStart = ScheduleWeekQuery.weekStart(of: today)
        if let weekText, !weekText.isEmpty {
            guard let date = CalendarDate(iso: weekText) else { throw APIError.invalid("week", "week must be a date YYYY-MM-DD.", code: .invalidDate) }
            weekStart = ScheduleWeekQuery.weekStart(of: date)
        }
        let practitioners = try await ScheduleWeekQuery.practitioners(on: request.db)
        var chosen = practitioners.first { $0.id == user.id } ?? practitioners.first
        if let practitionerText, !practitionerText.isEmpty {
            guard let id = UUID(uuidString: practitionerText), let match = practitioners.first(where: { $0.id == id }) else {
                throw APIError.invalid("practitioner", "practitioner must be the id of an active clinician or nurse.", code: .unknownIdentifier)
            }
            chosen = match
        }
        var days: [ScheduleWeekPage.Day] = []
        if let chosen {
            days = try await ScheduleWeekQuery.days(practitionerID: chosen.id, weekStart: weekStart, calendar: calendar, now: now,
                                                    on: request.db)
        }
        var feed: CalendarFeedSection.State?
        if PractitionerRoles.all.contains(user.role) {
            let current = try await CalendarFeedTokens.current(.practitioner(user.id), on: request.db)
            feed = CalendarFeedSection.State(since: current?.createdAt, newURL: newFeedURL)
        }
        let model = ScheduleWeekPage.Model(
            practitioners: practitioners, practitioner: chosen, weekStart: weekStart, thisWeek: ScheduleWeekQuery.weekStart(of: today),
            days: days, mayBook: AccessTable.allows(user.role, .writeAppointments),
            linksToPatients: AccessTable.allows(user.role, .readClinical), feed: feed)
        for patient in model.patientsShown.sorted(by: { $0.uuidString < $1.uuidString }) {
            await request.auditRead("Appointment", patient: patient, action: .search, detail: "web: schedule, week of \(weekStart)")
        }
        return model
    }

    // MARK: Booking

    @Sendable
    func bookingForm(request: Request) async throws -> Response {
        let user = try await request.authorize(.writeAppointments, resource: "Appointment")
        let form = ScheduleBookingForm(query: { request.query[String.self, at: $0] })
        let model = try await Self.bookingModel(request, user: user, form: form, search: false)
        return ScheduleBookingPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func book(request: Request) async throws -> Response {
        let user = try await request.authorize(.writeAppointments, resource: "Appointment")
        let submitted = try await request.webForm()
        let form = ScheduleBookingForm(submitted)
        if submitted["intent"] == "search" {
            var model = try await Self.bookingModel(request, user: user, form: form, search: true)
            if form.patientQuery.trimmingCharacters(in: .whitespaces).isEmpty {
                model.errors["patientId"] = "Type part of a name, an NHS number or a birth date to find the patient."
                return ScheduleBookingPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
            }
            return ScheduleBookingPage.View.render(model, context: request.pageContext).response()
        }

        let calendar = try await request.schedulingCalendar()
        let (input, formErrors) = form.input(calendar: calendar)
        var errors = formErrors
        do {
            // With a problem of the form's own a required field is empty, so the API refuses:
            // it is still asked, so that every other problem shows at once.
            _ = try await request.callAPI(path: "/api/appointments", json: input, AppointmentController().create)
            let week = form.calendarDate.map { ScheduleWeekQuery.weekStart(of: $0).iso } ?? ""
            return request.seeOther("/schedule?practitioner=\(form.practitionerID)&week=\(week)&done=booked")
        } catch {
            let refusal = APIErrorMiddleware.translate(error)
            guard refusal.status == .unprocessableEntity || refusal.status == .conflict else { throw error }
            for item in refusal.items {
                let field = ScheduleBookingForm.formField(item.field)
                // The form's own message about a field says it in the form's words; the API's adds to others.
                if formErrors[field] != nil { continue }
                if let shown = errors[field] {
                    if !shown.contains(item.message) { errors[field] = shown + " " + item.message }
                } else {
                    errors[field] = item.message
                }
            }
        }
        var model = try await Self.bookingModel(request, user: user, form: form,
                                                search: !form.patientQuery.trimmingCharacters(in: .whitespaces).isEmpty)
        model.errors = errors
        return ScheduleBookingPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    /// The form with its choices: the practitioners, the chosen patient (read and audited) and,
    /// when asked, the patients the search finds (audited as a search).
    static func bookingModel(_ request: Request, user: AuthenticatedUser, form: ScheduleBookingForm,
                             search: Bool) async throws -> ScheduleBookingPage.Model {
        var form = form
        let practitioners = try await ScheduleWeekQuery.practitioners(on: request.db)
        if form.practitionerID.isEmpty, let first = practitioners.first(where: { $0.id == user.id }) ?? practitioners.first {
            form.practitionerID = first.id.uuidString
        }
        var patients: [ScheduleBookingPage.PatientOption] = []
        if let id = UUID(uuidString: form.patientID.trimmingCharacters(in: .whitespaces)),
           let patient = try await PatientModel.find(id, on: request.db) {
            patients.append(option(patient, id: id))
            await request.auditRead("Patient", id: id.uuidString, patient: id, detail: "web: booking form")
        }
        var summary: String?
        let query = form.patientQuery.trimmingCharacters(in: .whitespaces)
        if search, !query.isEmpty {
            let result = try await PatientSearchQuery.search(query, on: request.db)
            await request.auditRead("Patient", patient: nil, action: .search,
                                    detail: "web: booking form, \(result.patients.count) of \(result.total) results")
            let found = result.patients.map {
                ScheduleBookingPage.PatientOption(id: $0.id, name: "\($0.familyName), \($0.givenName)", birthDate: $0.birthDate,
                                                  nhsNumber: $0.nhsNumber)
            }
            patients += found.filter { option in !patients.contains { $0.id == option.id } }
            summary = switch result.total {
            case 0: "No patient matches \u{201C}\(query)\u{201D}."
            case 1: "1 patient matches."
            case let total where total > result.patients.count:
                "\(total) patients match; the first \(result.patients.count) are shown. Add a word to narrow it."
            case let total: "\(total) patients match."
            }
            // One match is the one meant: choose it, so Book is the next step.
            if form.patientID.isEmpty, result.total == 1, let only = found.first { form.patientID = only.id.uuidString }
        }
        return ScheduleBookingPage.Model(form: form, practitioners: practitioners, patients: patients, searchSummary: summary,
                                         mayOverride: user.role.mayOverrideClinicalRules)
    }

    private static func option(_ patient: PatientModel, id: UUID) -> ScheduleBookingPage.PatientOption {
        ScheduleBookingPage.PatientOption(id: id, name: "\(patient.familyName), \(patient.givenName)",
                                          birthDate: CalendarDate(iso: patient.birthDate) ?? CalendarDate(daysSinceEpoch: 0),
                                          nhsNumber: patient.nhsNumber)
    }

    // MARK: Cancelling

    @Sendable
    func cancel(request: Request) async throws -> Response {
        let id = try request.uuidParameter("appointmentID", what: "Appointment")
        let form = try await request.webForm()
        _ = try await request.callAPI(.PATCH, path: "/api/appointments/\(id.uuidString)", json: AppointmentPatch(status: "cancelled"),
                                      parameters: ["appointmentID": id.uuidString], AppointmentController().update)
        return request.seeOther(Self.weekLink(form, done: "cancelled"))
    }

    /// Back to the week the form came from (only a practitioner id and a date are carried over).
    static func weekLink(_ form: WebForm, done: String) -> String {
        var query: [String] = []
        if let practitioner = form.text("practitioner"), let id = UUID(uuidString: practitioner) { query.append("practitioner=\(id.uuidString)") }
        if let week = form.text("week"), let date = CalendarDate(iso: week) { query.append("week=\(date.iso)") }
        query.append("done=\(done)")
        return "/schedule?" + query.joined(separator: "&")
    }

    // MARK: The practitioner's own feed

    @Sendable
    func feed(request: Request) async throws -> Response {
        let user = try await request.authorize(.readAppointments, resource: "CalendarFeed")
        guard PractitionerRoles.all.contains(user.role), try await request.schedulingPractitioner(user.id) != nil else {
            throw APIError.forbidden("The schedule's calendar feed is a clinician's or nurse's own appointments.")
        }
        let form = try await request.webForm()
        switch form["intent"] {
        case "create":
            let token = try await CalendarFeedTokens.issue(.practitioner(user.id), request: request)
            let model = try await Self.weekModel(request, user: user, practitioner: form.text("practitioner"), week: form.text("week"),
                                                 newFeedURL: CalendarFeedTokens.url(token: token, request: request))
            return ScheduleWeekPage.View.render(model, context: request.pageContext).response()
        case "revoke":
            try await CalendarFeedTokens.revoke(.practitioner(user.id), request: request)
            return request.seeOther(Self.weekLink(form, done: "feed-off"))
        default:
            throw APIError.invalid("intent", "intent must be create or revoke.")
        }
    }
}
