import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Everything the core needs to judge a proposed session, read from the database: charting
/// (`POST …/sessions`) and the dry run (`POST …/sessions/check`) gather it the same way, so the
/// check answers exactly what charting would.
struct SessionProposal: Sendable {
    let proposed: ProposedSession
    let earlierSessions: [DoseCheck.EarlierSession]
    let rules: ClinicRules
    /// The vials the injections name, keyed by the text that named them.
    let vials: [String: (id: UUID, vial: Vial)]
    let supervisorID: UUID?
    let consentID: UUID?
    /// Problems the core does not see (who supervises, the stock state of a vial), reported with its own.
    let serverProblems: [Problem]

    static func gather(_ input: SessionInput, checked: SessionInput.Checked, user: AuthenticatedUser, patientID: UUID,
                       timeZone: TimeZone, on database: any Database) async throws -> SessionProposal {
        guard let patient = try await PatientModel.find(patientID, on: database) else {
            throw APIError.notFound("Patient \(patientID)")
        }
        var problems: [Problem] = []
        let supervisorID = try await supervisor(input.supervisorId, chartedBy: user, on: database, problems: &problems)
        let (consentID, consent) = try await self.consent(input.consentId, patientID: patientID, on: database)
        let vials = try await self.vials(for: input.injections, on: database, problems: &problems)
        let rules = try await ClinicSettingsStore.rules(on: database, timeZone: timeZone)
        let earlier = try await SessionController.earlierSessions(patientID: patientID, on: database)
        let proposed = ProposedSession(
            date: checked.date, performedAt: checked.performedAt, chartedBy: user.role,
            patientBirthDate: CalendarDate(iso: patient.birthDate), screening: input.screening,
            acknowledged: Set(input.acknowledged ?? []), consent: consent,
            injections: input.injections.map { injection in
                ProposedSession.Injection(vialReference: injection.vialId, vial: vials[injection.vialId]?.vial,
                                          site: injection.site.site, units: injection.units)
            },
            overrideReason: input.override.map { $0.reason ?? "" })
        return SessionProposal(proposed: proposed, earlierSessions: earlier, rules: rules, vials: vials,
                               supervisorID: supervisorID, consentID: consentID, serverProblems: problems)
    }

    /// The core's verdict, with the server's own problems after its.
    func validate(today: CalendarDate) -> Result<ValidatedSession, Problems> {
        switch SessionValidation.validate(proposed, earlierSessions: earlierSessions, rules: rules, today: today) {
        case .failure(let found): return .failure(Problems(found.all + serverProblems))
        case .success(let session): return serverProblems.isEmpty ? .success(session) : .failure(Problems(serverProblems))
        }
    }

    /// The running totals the core computes for this session; nil when no product can be named.
    var figures: DoseFigures? {
        DoseFigures(session: proposed, earlierSessions: earlierSessions, doseLimits: rules.doseLimits)
    }

    // MARK: reading what the core needs

    /// A nurse charts under a supervising clinician; a clinician may name one too. The supervisor
    /// must be an active clinician's account.
    private static func supervisor(_ text: String?, chartedBy user: AuthenticatedUser, on database: any Database,
                                   problems: inout [Problem]) async throws -> UUID? {
        guard let text else {
            if user.role == .nurse {
                problems.append(Problem(.invalidValue, "A nurse charts under a supervising clinician: supervisorId is required.",
                                        field: "supervisorId"))
            }
            return nil
        }
        guard let id = UUID(uuidString: text), let account = try await UserModel.find(id, on: database), account.active,
              account.accountRole == .clinician else {
            problems.append(Problem(.unknownIdentifier, "supervisorId must be an active clinician's user id.", field: "supervisorId"))
            return nil
        }
        return id
    }

    /// The consent named, if it is this patient's; otherwise none, which the core reports.
    private static func consent(_ text: String?, patientID: UUID, on database: any Database) async throws -> (UUID?, ConsentRecord?) {
        guard let text, let id = UUID(uuidString: text), let model = try await ConsentModel.find(id, on: database),
              model.$patient.id == patientID, let date = CalendarDate(iso: model.date) else { return (nil, nil) }
        let record = try? ConsentRecord(date: date, informationVersion: model.informationVersion,
                                        withdrawnOn: model.withdrawnOn.flatMap { CalendarDate(iso: $0) })
        return record == nil ? (nil, nil) : (id, record)
    }

    /// The vials named by the injections, keyed by the text that named them; unknown ones are
    /// left out (the core reports them). A closed vial is refused here: the core knows dilution
    /// and dates, not the stock.
    private static func vials(for injections: [SessionInput.InjectionInput], on database: any Database,
                              problems: inout [Problem]) async throws -> [String: (id: UUID, vial: Vial)] {
        let ids = Array(Set(injections.compactMap { UUID(uuidString: $0.vialId) }))
        let models = try await VialModel.query(on: database).filter(\.$id ~~ ids).all()
        var byID: [UUID: VialModel] = [:]
        for model in models { if let id = model.id { byID[id] = model } }
        var result: [String: (id: UUID, vial: Vial)] = [:]
        var reported: Set<UUID> = []
        for (index, injection) in injections.enumerated() {
            guard let id = UUID(uuidString: injection.vialId), let model = byID[id] else { continue }
            result[injection.vialId] = (id, try model.coreVial())
            if model.vialState.isClosed, reported.insert(id).inserted {
                problems.append(Problem(.vialUnusable, "Vial \(model.lotNumber) is \(model.vialState.rawValue); it cannot be used.",
                                        field: "injections[\(index)].vialId"))
            }
        }
        return result
    }
}
