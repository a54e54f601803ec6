import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Everything the core needs to judge a proposed session, read from the database: charting
/// (`POST …/sessions`) and the dry run (`POST …/sessions/check`) gather it the same way, so the
/// check answers exactly what charting would. The server reads; the core decides (supervision,
/// vial state and content, consent scope, interval and dose windows on both sides).
struct SessionProposal: Sendable {
    let proposed: ProposedSession
    /// The patient's other recorded sessions that are not voided.
    let otherSessions: [DoseCheck.RecordedSession]
    let rules: ClinicRules
    /// The vials the injections name, keyed by the text that named them.
    let vials: [String: (id: UUID, vial: Vial)]
    let supervisorID: UUID?
    let consentID: UUID?

    static func gather(_ input: SessionInput, checked: SessionInput.Checked, user: AuthenticatedUser, patientID: UUID,
                       timeZone: TimeZone, on database: any Database) async throws -> SessionProposal {
        guard let patient = try await PatientModel.find(patientID, on: database) else {
            throw APIError.notFound("Patient \(patientID)")
        }
        let (supervisorID, supervision) = try await supervisor(input.supervisorId, on: database)
        let (consentID, consent) = try await self.consent(input.consentId, patientID: patientID, on: database)
        let stocks = try await VialStockQuery.stocks(named: input.injections.map(\.vialId), on: database)
        let rules = try await ClinicSettingsStore.rules(on: database, timeZone: timeZone)
        let others = try await SessionController.recordedSessions(patientID: patientID, on: database)
        let proposed = ProposedSession(
            date: checked.date, performedAt: checked.performedAt, chartedBy: user.role, supervision: supervision,
            patientBirthDate: CalendarDate(iso: patient.birthDate), screening: input.screening,
            acknowledged: Set(input.acknowledged ?? []), consent: consent,
            injections: input.injections.map { injection in
                ProposedSession.Injection(vialReference: injection.vialId, stock: stocks[injection.vialId]?.stock,
                                          site: injection.site.site, units: injection.units)
            },
            overrideReason: input.override.map { $0.reason ?? "" })
        return SessionProposal(proposed: proposed, otherSessions: others, rules: rules,
                               vials: stocks.mapValues { ($0.id, $0.stock.vial) },
                               supervisorID: supervisorID, consentID: consentID)
    }

    /// The core's verdict.
    func validate(now: Date) -> Result<ValidatedSession, Problems> {
        SessionValidation.validate(proposed, otherSessions: otherSessions, rules: rules, now: now)
    }

    /// The running totals the core computes for this session; nil when no product can be named.
    var figures: DoseFigures? {
        DoseFigures(session: proposed, otherSessions: otherSessions, doseLimits: rules.doseLimits)
    }

    // MARK: reading what the core needs

    /// The account named as supervisor, as the core's `Supervision` (the core decides whether it
    /// may supervise); its id only when it is an active clinician's.
    private static func supervisor(_ text: String?, on database: any Database) async throws -> (UUID?, Supervision) {
        guard let text else { return (nil, .none) }
        guard let id = UUID(uuidString: text), let account = try await UserModel.find(id, on: database) else {
            return (nil, .unknown)
        }
        let role = account.accountRole
        let supervision = Supervision.account(role: role, active: account.active)
        return (supervision.problems(chartedBy: .clinician).isEmpty ? id : nil, supervision)
    }

    /// The consent named, if it is this patient's; otherwise none, which the core reports.
    private static func consent(_ text: String?, patientID: UUID, on database: any Database) async throws -> (UUID?, ConsentRecord?) {
        guard let text, let id = UUID(uuidString: text), let model = try await ConsentModel.find(id, on: database),
              model.$patient.id == patientID, let record = model.coreRecord else { return (nil, nil) }
        return (id, record)
    }
}
