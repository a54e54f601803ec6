import Foundation
import TenderpointFHIR

/// `Questionnaire`: the FIQR and ACR 2016 forms (fixed; no one's record).
struct QuestionnaireProvider: FHIRResourceProvider {
    let type = FHIRResourceType.questionnaire
    let access = FHIRAccess.clinicData(.readQuestionnaires)
    let documentation = "The FIQR (item numbers and neutral labels only: its wording is copyrighted) and the ACR 2016 criteria."
    let parameters: [FHIRSearchParameter] = []

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        FHIRQuestionnaires.all.first { $0.id == id }.map { FHIRFound(resource: .questionnaire($0), patient: nil) }
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        let all = FHIRQuestionnaires.all
        let page = all.dropFirst(request.offset).prefix(request.count)
        return FHIRSearchResult(total: all.count, matches: page.map { FHIRFound(resource: .questionnaire($0), patient: nil) })
    }
}
