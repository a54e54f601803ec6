import Foundation
import TenderpointCore
import Vapor

/// `GET /today` for clinic staff.
struct TodayController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("today", use: today)
    }

    @Sendable
    func today(request: Request) async throws -> Response {
        let user = try await request.authorize(.readAppointments, resource: "TodayPage")
        let calendar = try await request.schedulingCalendar()
        let model = try await TodayQuery.load(today: request.clinicToday, calendar: calendar,
                                              sections: TodayQuery.Sections(role: user.role), on: request.db)
        // One record per patient shown, so each patient's own trail says the day list showed them.
        for patient in model.patientsShown.sorted(by: { $0.uuidString < $1.uuidString }) {
            await request.auditRead("TodayPage", patient: patient, action: .search, detail: "today \(model.date)")
        }
        return TodayPage.View.render(model, context: request.pageContext).response()
    }
}
