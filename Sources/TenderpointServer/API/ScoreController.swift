import Foundation
import TenderpointCore
import Vapor

/// Stateless scoring for any signed-in staff member: nothing is stored and no patient is named,
/// so there is nothing to audit beyond a refusal. Every rule is the core's.
struct ScoreController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let score = routes.grouped("score")
        score.post("tender-points", use: tenderPoints)
        score.post("acr2016", use: acr2016)
        score.post("fiqr", use: fiqr)
    }

    @Sendable
    func tenderPoints(request: Request) async throws -> ScoreDTO.TenderPointScores {
        try await request.authorize(.score, resource: "Score")
        let input = try request.content.decode(ScoreDTO.TenderPointsInput.self)
        let result = try TenderPointExam.score(positive: input.positive, widespreadPainMonths: input.widespreadPainMonths)
        return ScoreDTO.TenderPointScores(result)
    }

    /// Without `administeredBy` the answers count as clinician-administered: the scoring page is
    /// used by staff with the patient in front of them.
    @Sendable
    func acr2016(request: Request) async throws -> ScoreDTO.ACR2016Scores {
        try await request.authorize(.score, resource: "Score")
        let input = try request.content.decode(ScoreDTO.ACR2016Input.self)
        let administration = input.administeredBy ?? .clinician
        let answers = try input.answers(administeredBy: administration)
        return ScoreDTO.ACR2016Scores(ACR2016.evaluate(answers), administeredBy: administration)
    }

    @Sendable
    func fiqr(request: Request) async throws -> ScoreDTO.FIQRScores {
        try await request.authorize(.score, resource: "Score")
        let input = try request.content.decode(ScoreDTO.FIQRInput.self)
        let answers = try FIQRAnswers(answers: input.answers)
        return ScoreDTO.FIQRScores(FIQR.score(answers))
    }
}
