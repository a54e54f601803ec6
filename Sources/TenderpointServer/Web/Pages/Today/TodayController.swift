import Foundation
import TenderpointCore
import Vapor

/// `GET /today` for clinic staff, and `POST /alerts/{id}/acknowledge`, the Acknowledge button of
/// an urgent patient report on Today and on the patient's page.
struct TodayController: RouteCollection {
    /// Open alerts shown at most; more are a sign to read `GET /api/alerts`.
    static let alertLimit = 100

    func boot(routes: any RoutesBuilder) throws {
        routes.get("today", use: today)
        routes.post("alerts", ":alertID", "acknowledge", use: acknowledge)
    }

    @Sendable
    func today(request: Request) async throws -> Response {
        let user = try await request.authorize(.readAppointments, resource: "TodayPage")
        let calendar = try await request.schedulingCalendar()
        var model = try await TodayQuery.load(today: request.clinicToday, calendar: calendar,
                                              sections: TodayQuery.Sections(role: user.role), on: request.db)
        if AccessTable.allows(user.role, .readAlerts) {
            model.alerts = try await AlertQueries.list(AlertQueries.Filter(openOnly: true), limit: Self.alertLimit, offset: 0,
                                                       on: request.db).items
        }
        // One record per patient shown, so each patient's own trail says the day list showed them.
        for patient in model.patientsShown.sorted(by: { $0.uuidString < $1.uuidString }) {
            await request.auditRead("TodayPage", patient: patient, action: .search, detail: "today \(model.date)")
        }
        return TodayPage.View.render(model, context: request.pageContext).response()
    }

    /// Through the API's own handler (its role check, transaction and audit record); back to the
    /// page it came from (only a path on this site).
    @Sendable
    func acknowledge(request: Request) async throws -> Response {
        let form = try await request.webForm()
        let alertID = try request.uuidParameter("alertID", what: "Alert")
        let note = form["note"]
        do {
            _ = try await request.callAPI(path: "/api/alerts/\(alertID.uuidString)/acknowledge",
                                          json: AlertAcknowledgementInput(note: note), parameters: ["alertID": alertID.uuidString],
                                          AlertController().acknowledge)
        } catch let error as APIError where error.status == .conflict {
            // Someone acknowledged it first: it is off the list either way.
        }
        return request.seeOther(Self.localPath(form["return"]))
    }

    /// `/today` unless `path` is a page of this site (`/patients/…`): never another site.
    static func localPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), !path.contains("?"),
              path.count <= 200, path.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return "/today" }
        return path
    }
}
