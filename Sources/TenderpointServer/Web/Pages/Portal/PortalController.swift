import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// The patient portal: `/portal` (today's diary entry), `/portal/diary` (saving one),
/// `/portal/chart`, `/portal/appointments` (with `/portal/calendar-feed`, the patient's own
/// calendar feed link) and `/portal/access`. Every page is about the
/// signed-in patient's own record only: the patient id comes from the account, never from
/// the URL, and each read and write passes the access table for that record.
struct PortalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let portal = routes.grouped("portal")
        portal.get(use: diary)
        portal.post("diary", use: saveDiary)
        portal.get("chart", use: chart)
        portal.get("appointments", use: appointments)
        portal.post("calendar-feed", use: calendarFeed)
        portal.get("access", use: access)
    }

    /// The signed-in patient's own record, named as the API handlers expect it.
    private static func ownRecord(_ request: Request) throws -> (user: AuthenticatedUser, patientID: UUID) {
        let user = try request.requireUser()
        guard user.role == .patient, let patientID = user.patientID else {
            throw APIError.forbidden("The portal is for patients; clinic staff use Today and Patients.")
        }
        request.parameters.set("patientID", to: patientID.uuidString)
        return (user, patientID)
    }

    @Sendable
    func diary(request: Request) async throws -> Response {
        let (user, patientID) = try Self.ownRecord(request)
        var model = DiaryPage.Model(patientName: user.displayName)
        model.saved = (try? request.query.get(String.self, at: "saved")) != nil
        model.urgent = (try? request.query.get(String.self, at: "urgent")) != nil
        model.todaysEntries = try await Self.todaysEntries(request, patientID: patientID)
        return DiaryPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func saveDiary(request: Request) async throws -> Response {
        let (user, patientID) = try Self.ownRecord(request)
        let form = DiaryForm(try await request.webForm())
        let (input, formErrors) = form.input(recordedAt: Date())
        var errors = formErrors
        // The first problem of each field is shown beside it.
        func add(_ field: String?, _ message: String) {
            let name = DiaryForm.formField(field)
            if errors[name] == nil { errors[name] = message }
        }
        if let input {
            do {
                let saved = try await request.callAPI(path: "/api/patients/\(patientID.uuidString)/diary", json: input,
                                                      parameters: ["patientID": patientID.uuidString], DiaryController().write)
                // The API's answer, not the form, says whether what was named is urgent (the core decides).
                let urgent = saved.reported?.urgent.isEmpty == false
                return request.seeOther(urgent ? "/portal?saved=1&urgent=1" : "/portal?saved=1")
            } catch let problems as Problems {
                for problem in problems.all { add(problem.field, problem.message) }
            } catch let problem as Problem {
                add(problem.field, problem.message)
            } catch let error as APIError where error.status == .unprocessableEntity {
                for item in error.items { add(item.field, item.message) }
            }
        }
        var model = DiaryPage.Model(patientName: user.displayName, form: form, errors: errors)
        model.todaysEntries = try await Self.todaysEntries(request, patientID: patientID)
        return DiaryPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    private static func todaysEntries(_ request: Request, patientID: UUID) async throws -> [DiaryEntryDTO] {
        try await request.authorize(.readDiary, patient: patientID, resource: "DiaryEntry")
        let today = request.clinicToday
        let entries = try await DiaryEntriesQuery.entries(patient: patientID, from: today, to: today, on: request.db as! any SQLDatabase)
        await request.auditRead("DiaryEntry", patient: patientID, detail: "web: \(entries.count) entries of \(today)")
        return entries
    }

    @Sendable
    func chart(request: Request) async throws -> Response {
        let (_, patientID) = try Self.ownRecord(request)
        let chart = try await PatientsController.chartModel(request: request, patientID: patientID, defaultRange: .quarter)
        let today = request.clinicToday
        let recent = try await DiaryEntriesQuery.entries(patient: patientID, from: today.adding(days: -(PortalChartPage.recentDays - 1)),
                                                         to: today, on: request.db as! any SQLDatabase)
        let model = PortalChartPage.Model(chart: chart.chart, range: chart.range, recentEntries: recent)
        return PortalChartPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func appointments(request: Request) async throws -> Response {
        let (_, patientID) = try Self.ownRecord(request)
        var model = try await Self.appointmentsModel(request, patientID: patientID)
        if request.query[String.self, at: "done"] == "feed-off" { model.notice = "Your calendar feed is off: the old link no longer works." }
        return PortalAppointmentsPage.View.render(model, context: request.pageContext).response()
    }

    private static func appointmentsModel(_ request: Request, patientID: UUID, newFeedURL: String? = nil) async throws -> PortalAppointmentsPage.Model {
        try await request.authorize(.readAppointments, patient: patientID, resource: "Appointment")
        let now = Date()
        var filter = AppointmentQueries.Filter()
        filter.patientID = patientID
        filter.from = now.addingTimeInterval(-365 * 86_400)
        let items = try await AppointmentQueries.list(filter, limit: 500, offset: 0, on: request.db).items
        await request.auditRead("Appointment", patient: patientID, action: .search, detail: "web: \(items.count) appointments")
        let feed = try await CalendarFeedTokens.current(.patient(patientID), on: request.db)
        return PortalAppointmentsPage.Model(upcoming: items.filter { $0.end > now && $0.status == .booked },
                                            past: items.filter { !($0.end > now && $0.status == .booked) }.reversed(),
                                            feed: CalendarFeedSection.State(since: feed?.createdAt, newURL: newFeedURL))
    }

    /// Makes (or replaces) or ends the patient's own calendar feed link; a new link is shown
    /// on the answer to this form only, as only its digest is kept.
    @Sendable
    func calendarFeed(request: Request) async throws -> Response {
        let (_, patientID) = try Self.ownRecord(request)
        try await request.authorize(.readAppointments, patient: patientID, resource: "CalendarFeed")
        switch try await request.webForm()["intent"] {
        case "create":
            let token = try await CalendarFeedTokens.issue(.patient(patientID), request: request)
            let model = try await Self.appointmentsModel(request, patientID: patientID,
                                                         newFeedURL: CalendarFeedTokens.url(token: token, request: request))
            return PortalAppointmentsPage.View.render(model, context: request.pageContext).response()
        case "revoke":
            try await CalendarFeedTokens.revoke(.patient(patientID), request: request)
            return request.seeOther("/portal/appointments?done=feed-off")
        default:
            throw APIError.invalid("intent", "intent must be create or revoke.")
        }
    }

    @Sendable
    func access(request: Request) async throws -> Response {
        _ = try Self.ownRecord(request)
        let listing = try await AuditTrailController().list(request: request)
        let model = AccessLogPage.Model(entries: listing.items, total: listing.total, offset: listing.offset, limit: listing.limit)
        return AccessLogPage.View.render(model, context: request.pageContext).response()
    }
}
