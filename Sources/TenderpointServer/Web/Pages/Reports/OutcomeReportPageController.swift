import Foundation
import TenderpointCore
import Vapor

/// `GET /reports/outcomes` (the page) and its two downloads under the web session:
/// `/reports/outcomes/cycles.csv` and `/reports/outcomes/report.json`. The downloads are the API's
/// own handlers (`OutcomeController`), so they are the same bytes, authorised and audited as
/// `/api/reports/outcomes[/cycles.csv]`; the page reads the same rows through the same assembly.
struct OutcomeReportPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("reports", "outcomes")
        reports.get(use: page)
        reports.get("cycles.csv", use: cycles)
        reports.get("report.json", use: json)
    }

    @Sendable
    func page(request: Request) async throws -> Response {
        try await request.authorize(.readReports, resource: "OutcomeReport")
        var model = OutcomeReportPage.Model(form: request.outcomeFilterForm,
                                            injectors: try await OutcomeReportQuery.injectors(on: request.db))
        let filter: OutcomeFilter
        do {
            filter = try OutcomeFilter(model.form.text)
        } catch let problems as Problems {
            for problem in problems.all {
                let field = problem.field ?? "from"
                model.errors[field] = model.errors[field].map { $0 + " " + problem.message } ?? problem.message
            }
            return OutcomeReportPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
        }
        let result = try await OutcomeReportQuery.load(filter, today: request.clinicToday, on: request.db)
        model.report = result.report
        model.survival = result.survival
        await request.auditRead("OutcomeReport", patient: nil, action: .read,
                                detail: "web: \(filter.summary): \(result.report.sessions) sessions of \(result.report.patients) patients")
        return OutcomeReportPage.View.render(model, context: request.pageContext).response()
    }

    /// The per-cycle rows, streamed by the API's handler.
    @Sendable
    func cycles(request: Request) async throws -> Response {
        try await OutcomeController().cycles(request: request)
    }

    /// The report as the API answers it.
    @Sendable
    func json(request: Request) async throws -> Response {
        let report = try await OutcomeController().report(request: request)
        let response = try await report.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
