import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `QuestionnaireResponse`: the FIQR and ACR 2016 answers of an assessment, as recorded. Ids are
/// the assessment's id with `-fiqr` or `-acr2016`.
struct QuestionnaireResponseProvider: FHIRPatientCompartmentProvider {
    enum Form: String, CaseIterable, Sendable {
        case fiqr
        case acr2016

        var questionnaire: String {
            switch self {
            case .fiqr: TenderpointCodes.fiqrQuestionnaire
            case .acr2016: TenderpointCodes.acr2016Questionnaire
            }
        }

        var questionnaireID: String {
            switch self {
            case .fiqr: FHIRQuestionnaires.fiqrID
            case .acr2016: FHIRQuestionnaires.acr2016ID
            }
        }

        var column: String {
            switch self {
            case .fiqr: "a.fiqr_answers"
            case .acr2016: "a.acr2016"
            }
        }

        func isPresent(in row: FHIRAssessmentRow) -> Bool {
            switch self {
            case .fiqr: row.fiqrAnswers != nil
            case .acr2016: row.acr2016 != nil
            }
        }

        /// Whether a `questionnaire` reference names this form: its canonical URL, `Questionnaire/{id}` or `{id}`.
        func isNamed(by text: String) -> Bool {
            text == questionnaire || text == questionnaireID || text.hasSuffix("Questionnaire/" + questionnaireID)
        }
    }

    let type = FHIRResourceType.questionnaireResponse
    let access = FHIRAccess.patientRecord(read: .readClinical, search: .readClinical)
    let documentation = "The answers of each assessment's FIQR and ACR 2016 questionnaires (id: the assessment's id with -fiqr or -acr2016)."
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("QuestionnaireResponse", "patient"),
                            "The patient: Patient/{id} or {id}."),
        FHIRSearchParameter("questionnaire", .reference, definition: FHIRSearchParameter.standard("QuestionnaireResponse", "questionnaire"),
                            "The questionnaire: its canonical URL (urn:tenderpoint:questionnaire:fiqr, …:acr-2016) or Questionnaire/{id}."),
    ]

    struct Key: Decodable {
        let sourceId: UUID
        let form: String
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard id.count > 37, let uuid = UUID(uuidString: String(id.prefix(36))), id.dropFirst(36).first == "-",
              let form = Form(rawValue: String(id.dropFirst(37))),
              let row = try await FHIRAssessmentRow.rows(ids: [uuid], on: context.database)[uuid], form.isPresent(in: row)
        else { return nil }
        return found(row, form, context)
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        var forms = Set(Form.allCases)
        for clause in request.clauses("questionnaire") {
            forms.formIntersection(Form.allCases.filter { form in
                clause.values.contains { if case .reference(let text) = $0 { form.isNamed(by: text) } else { false } }
            })
        }
        let patient = FHIRConditions.patient("a.patient_id", request, compartment: compartment)
        let branches: [SQLQueryString] = Form.allCases.filter(forms.contains).map { form in
            "SELECT a.id AS source_id, \(literal: form.rawValue) AS form, a.assessed_at AS authored FROM assessments a WHERE \(unsafeRaw: form.column) IS NOT NULL"
                + (patient.map { " AND (\($0))" } ?? "")
        }
        guard !branches.isEmpty else { return FHIRSearchResult(total: 0, matches: []) }
        let union = branches.joined(separator: " UNION ALL ")
        struct Count: Decodable { let total: Int }
        let total = try await context.database.raw("SELECT COUNT(*) AS total FROM (\(union)) r").first(decoding: Count.self)?.total ?? 0
        guard request.count > 0, request.offset < total else { return FHIRSearchResult(total: total, matches: []) }
        let keys = try await context.database.raw("""
            SELECT r.source_id, r.form FROM (\(union)) r ORDER BY r.authored, r.source_id, r.form
            LIMIT \(bind: request.count) OFFSET \(bind: request.offset)
            """).all(decoding: Key.self, keyDecodingStrategy: .convertFromSnakeCase)
        let rows = try await FHIRAssessmentRow.rows(ids: Array(Set(keys.map(\.sourceId))), on: context.database)
        let matches = keys.compactMap { key -> FHIRFound? in
            guard let row = rows[key.sourceId], let form = Form(rawValue: key.form) else { return nil }
            return found(row, form, context)
        }
        return FHIRSearchResult(total: total, matches: matches)
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await FHIRAssessmentRow.rows(patients: patients, on: context.database) {
            for form in Form.allCases where form.isPresent(in: row) {
                try write(found(row, form, context).resource)
            }
        }
    }

    private func found(_ row: FHIRAssessmentRow, _ form: Form, _ context: FHIRContext) -> FHIRFound {
        let assessor = FHIRValues.reference(.practitioner, row.assessedBy, display: row.assessorName)
        var response = QuestionnaireResponse(
            id: "\(FHIRValues.id(row.id))-\(form.rawValue)",
            questionnaire: form.questionnaire,
            status: .completed,
            subject: FHIRValues.reference(.patient, row.patientId),
            authored: FHIRValues.dateTime(row.assessedAt, context.timeZone),
            author: assessor)
        switch form {
        case .fiqr:
            let answers = row.fiqrAnswers.flatMap { try? JSONDecoder().decode([Int?].self, from: Data($0.utf8)) } ?? []
            response.item = FIQRDomain.allCases.map { domain in
                QuestionnaireResponse.Item(
                    linkId: FHIRQuestionnaires.groupLinkID(domain), text: domain.name,
                    item: FIQRItem.allCases.filter { $0.domain == domain }.map { item in
                        let answer = answers.indices.contains(item.number - 1) ? answers[item.number - 1] : nil
                        return QuestionnaireResponse.Item(linkId: String(item.number), text: item.label,
                                                          answer: answer.map { [QuestionnaireResponse.Answer(value: .integer($0))] })
                    })
            }
        case .acr2016:
            guard let json = row.acr2016, let input = try? JSONDecoder().decode(ScoreDTO.ACR2016Input.self, from: Data(json.utf8)) else { break }
            let areas = Set(input.painAreas)
            let administration = input.administeredBy ?? .clinician
            func boolean(_ linkId: String, _ text: String, _ value: Bool) -> QuestionnaireResponse.Item {
                QuestionnaireResponse.Item(linkId: linkId, text: text, answer: [QuestionnaireResponse.Answer(value: .boolean(value))])
            }
            func severity(_ linkId: String, _ text: String, _ value: Int) -> QuestionnaireResponse.Item {
                QuestionnaireResponse.Item(linkId: linkId, text: text, answer: [QuestionnaireResponse.Answer(value: .coding(FHIRQuestionnaires.severity(value)))])
            }
            var items = [
                QuestionnaireResponse.Item(linkId: "wpi", text: "Widespread Pain Index: pain in the last week",
                                           item: WPIArea.allCases.map { boolean($0.rawValue, $0.name, areas.contains($0.rawValue)) }),
                QuestionnaireResponse.Item(linkId: "sss", text: "Symptom Severity Scale", item: [
                    severity("fatigue", "Fatigue (past week)", input.fatigue),
                    severity("wakingUnrefreshed", "Waking unrefreshed (past week)", input.wakingUnrefreshed),
                    severity("cognitiveSymptoms", "Cognitive symptoms (past week)", input.cognitiveSymptoms),
                    boolean("headaches", "Headaches (past 6 months)", input.headaches),
                    boolean("lowerAbdominalPain", "Pain or cramps in the lower abdomen (past 6 months)", input.lowerAbdominalPain),
                    boolean("depression", "Depression (past 6 months)", input.depression),
                ]),
            ]
            if let months = input.symptomMonths {
                items.append(QuestionnaireResponse.Item(linkId: "symptomMonths", text: "Months symptoms have been at a similar level",
                                                        answer: [QuestionnaireResponse.Answer(value: .integer(months))]))
            }
            items.append(QuestionnaireResponse.Item(linkId: "administeredBy", text: "Administered by",
                                                    answer: [QuestionnaireResponse.Answer(value: .coding(FHIRQuestionnaires.administration(administration)))]))
            response.item = items
            // Who answered: the patient on a self-report, the clinician otherwise.
            response.source = administration == .selfReport ? FHIRValues.reference(.patient, row.patientId) : assessor
        }
        return FHIRFound(resource: .questionnaireResponse(response), patient: row.patientId)
    }
}
