import Foundation
import TenderpointCore
import Vapor

/// `POST /api/patients/{id}/sessions/check`: the dry run of charting. It takes the same body as
/// `POST …/sessions`, gathers what the core needs the same way (`SessionProposal`), and answers
/// 200 with the core's running totals and every problem it finds, writing nothing but the audit
/// record of reading the patient's sessions. A body that cannot be read is a 422, as for charting.
/// The session charting page asks it while rows change (with its session and CSRF header).
struct SessionCheckController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "patients", ":patientID", "sessions", "check", body: .collect(maxSize: "256kb"), use: check)
    }

    @Sendable
    func check(request: Request) async throws -> SessionCheckDTO {
        let patientID = try request.patientID()
        let user = try await request.authorize(.chartSession, patient: patientID, resource: "TreatmentSession")
        let input = try request.content.decode(SessionInput.self)
        let zone = request.application.tenderpoint.clinicTimeZone
        let now = Date()
        let today = CalendarDate(now, in: zone)
        let checked = try input.checked(now: now, today: today, timeZone: zone)
        let proposal = try await SessionProposal.gather(input, checked: checked, user: user, patientID: patientID,
                                                        timeZone: zone, on: request.db)
        let problems: [Problem] = switch proposal.validate(now: now) {
        case .failure(let found): found.all
        case .success: []
        }
        await request.auditRead("TreatmentSession", patient: patientID,
                                detail: "session check: \(proposal.otherSessions.count) sessions read, nothing written")
        return SessionCheckDTO(proposal, input: input, problems: problems)
    }
}
