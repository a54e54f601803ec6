import Foundation
import TenderpointCore
import Vapor

/// `GET/POST /patients/{id}/examination`. Saving goes through `AssessmentController.create`
/// (the API's checks, the core's scores, one transaction with its audit record); "Check
/// scores" asks `ScoreController`, as the script does through `/score/*` while typing.
struct ExaminationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("patients", ":patientID", "examination", use: form)
        routes.post("patients", ":patientID", "examination", use: submit)
    }

    private static func patient(_ request: Request) async throws -> (UUID, String) {
        let patientID = try request.patientID()
        try await request.authorize(.writeClinical, patient: patientID, resource: "Assessment")
        guard let patient = try await PatientModel.find(patientID, on: request.db) else { throw APIError.notFound("Patient \(patientID)") }
        await request.auditRead("Patient", id: patientID.uuidString, patient: patientID, detail: "web: examination form")
        return (patientID, "\(patient.givenName) \(patient.familyName)")
    }

    @Sendable
    func form(request: Request) async throws -> Response {
        let (patientID, name) = try await Self.patient(request)
        let model = ExaminationPage.Model(patientID: patientID, patientName: name, form: ExamForm(today: request.clinicToday))
        return ExaminationPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func submit(request: Request) async throws -> Response {
        let (patientID, name) = try await Self.patient(request)
        let webForm = try await request.webForm()
        let form = ExamForm(webForm)
        var model = ExaminationPage.Model(patientID: patientID, patientName: name, form: form)
        let (input, errors) = form.input()
        model.errors = errors
        func add(_ field: String, _ message: String) { if model.errors[field] == nil { model.errors[field] = message } }

        if webForm["action"] == "preview" {
            model.scores = await Self.scores(form, request: request, problems: add)
            return ExaminationPage.View.render(model, context: request.pageContext).response()
        }
        if let input {
            do {
                _ = try await request.callAPI(path: "/api/patients/\(patientID.uuidString)/assessments", json: input,
                                              parameters: ["patientID": patientID.uuidString], AssessmentController().create)
                return request.seeOther("/patients/\(patientID.uuidString)?saved=examination")
            } catch {
                let refusal = APIErrorMiddleware.translate(error)
                guard refusal.status == .unprocessableEntity else { throw error }
                for item in refusal.items { add(ExamForm.formField(item.field), item.message) }
            }
        }
        model.scores = await Self.scores(form, request: request, problems: { _, _ in })
        return ExaminationPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    /// The scores of every complete section, from the scoring handlers; their problems go beside
    /// the fields through `problems`.
    static func scores(_ form: ExamForm, request: Request, problems: (String, String) -> Void) async -> ExaminationPage.Scores {
        var scores = ExaminationPage.Scores()
        guard let input = form.input().input else { return scores }
        func report(_ error: any Error, _ field: (String?) -> String) {
            for item in APIErrorMiddleware.translate(error).items { problems(field(item.field), item.message) }
        }
        if let points = input.tenderPoints {
            do {
                scores.tenderPoints = try await request.callAPI(
                    path: "/api/score/tender-points",
                    json: ScoreDTO.TenderPointsInput(positive: points.positive, widespreadPainMonths: points.widespreadPainMonths ?? 0),
                    ScoreController().tenderPoints)
            } catch { report(error) { _ in "tenderPoints" } }
        }
        if let acr2016 = input.acr2016 {
            do {
                scores.acr2016 = try await request.callAPI(path: "/api/score/acr2016", json: acr2016, ScoreController().acr2016)
            } catch { report(error) { $0?.hasPrefix("painAreas") == true ? "painAreas" : "acr2016" } }
        }
        if let fiqr = input.fiqr {
            do {
                scores.fiqr = try await request.callAPI(path: "/api/score/fiqr", json: fiqr, ScoreController().fiqr)
            } catch { report(error) { ExamForm.formField($0.map { "fiqr." + $0 }) } }
        }
        return scores
    }
}
