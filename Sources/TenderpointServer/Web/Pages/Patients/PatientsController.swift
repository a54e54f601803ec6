import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `GET /patients` (search) and `GET /patients/{id}` (the clinical page). The clinical page
/// is built from `TimelineController`'s own handler, so it is authorised (`readClinical`:
/// reception may not open it) and audited exactly as `GET /api/patients/{id}/timeline`; its
/// "Response to treatment" comes from `OutcomeController`'s handler in the same way.
struct PatientsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("patients", use: search)
        routes.get("patients", ":patientID", use: patient)
    }

    @Sendable
    func search(request: Request) async throws -> Response {
        let user = try await request.authorize(.searchPatients, resource: "Patient")
        var model = PatientSearchPage.Model(linksToPatients: AccessTable.allows(user.role, .readClinical))
        if let query = try? request.query.get(String.self, at: "q"), !query.trimmingCharacters(in: .whitespaces).isEmpty {
            model.query = query
            let result = try await PatientSearchQuery.search(query, on: request.db)
            model.result = result
            await request.auditRead("Patient", patient: nil, action: .search,
                                    detail: "web: \(result.patients.count) of \(result.total) results")
        }
        return PatientSearchPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func patient(request: Request) async throws -> Response {
        var model = try await Self.chartModel(request: request, patientID: try request.patientID(),
                                              recentDiaryDays: PatientPage.recentDiaryDays)
        model.saved = (try? request.query.get(String.self, at: "saved")).flatMap { ["examination", "session", "void"].contains($0) ? $0 : nil }
        // The API's own handler: authorised (readClinical) and audited as its read of the outcomes.
        model.outcomes = try await OutcomeController().patientOutcomes(request: request)
        let patientID = model.timeline.patient.id
        let user = try request.requireUser()
        if AccessTable.allows(user.role, .readAlerts) {
            let alerts = try await AlertQueries.list(AlertQueries.Filter(patientID: patientID, openOnly: true), limit: 100,
                                                     offset: 0, on: request.db).items
            model.alerts = alerts
            await request.auditRead("Alert", patient: patientID, action: .search, detail: "web: \(alerts.count) open alerts")
        }
        return PatientPage.View.render(model, context: request.pageContext).response()
    }

    /// The timeline (authorised and audited by its controller), the diary rows of the chosen
    /// range and, with `recentDiaryDays`, the entries of those last days in full (one audit
    /// record for both) and the core's plan and window for each session.
    static func chartModel(request: Request, patientID: UUID, defaultRange: ChartRange = .year,
                           recentDiaryDays: Int? = nil) async throws -> PatientPage.Model {
        let timeline = try await TimelineController().timeline(request: request)
        let range = (try? request.query.get(String.self, at: "range")).flatMap(ChartRange.init(rawValue:)) ?? defaultRange
        let today = timeline.today
        let earliest = [timeline.diary.firstDate, timeline.sessions.map(\.date).min()].compactMap { $0 }.min()
        let start = range.start(today: today, earliest: earliest)
        let zone = request.application.tenderpoint.clinicTimeZone
        let entries = try await PatientChartQuery.entries(patient: patientID, from: start, to: today, timeZone: zone,
                                                          on: request.db as! any SQLDatabase)
        var recent: [DiaryEntryDTO]?
        if let days = recentDiaryDays {
            recent = try await DiaryEntriesQuery.entries(patient: patientID, from: today.adding(days: -(days - 1)), to: today,
                                                         limit: 100, on: request.db as! any SQLDatabase)
        }
        await request.auditRead("DiaryEntry", patient: patientID, detail: "web chart: \(entries.count) entries from \(start) to \(today)"
                                    + (recent.map { "; \($0.count) entries in full of the last \(recentDiaryDays ?? 0) days" } ?? ""))
        let calendar = try await request.schedulingCalendar()
        // Past today to the end of the current re-injection window, so its follow-ups and window show.
        let end = max(today, timeline.reinjectionWindow?.targetTo ?? today)
        let chart = PatientChartQuery.model(timeline: timeline, entries: entries, start: start, end: end, calendar: calendar)
        var model = PatientPage.Model(timeline: timeline, chart: chart, range: range, fiqrBands: .standard)
        model.recentDiary = recent
        return model
    }
}
