import Foundation
import TenderpointCore
import Vapor

/// `/patients/{id}/sessions/{sessionID}/void`: the page for a clinician to void a session charted
/// in error. It saves through the API's own handler (`SessionController.void`: its role check,
/// the core's rule, the transaction and the audit), so the page is refused for exactly the API's
/// reasons, and the form is shown again with the message.
struct SessionVoidController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("patients", ":patientID", "sessions", ":sessionID", "void", use: form)
        routes.post("patients", ":patientID", "sessions", ":sessionID", "void", use: submit)
    }

    @Sendable
    func form(request: Request) async throws -> Response {
        let model = try await Self.model(request)
        return SessionVoidPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func submit(request: Request) async throws -> Response {
        let form = try await request.webForm()
        let patientID = try request.patientID()
        let sessionID = try request.uuidParameter("sessionID", what: "Session")
        let reason = form["reason"] ?? ""
        struct Body: Encodable { let reason: String }
        do {
            _ = try await request.callAPI(path: "/api/patients/\(patientID.uuidString)/sessions/\(sessionID.uuidString)/void",
                                          json: Body(reason: reason),
                                          parameters: ["patientID": patientID.uuidString, "sessionID": sessionID.uuidString],
                                          SessionController().void)
            return request.seeOther("/patients/\(patientID.uuidString)?saved=void")
        } catch {
            let refused = APIErrorMiddleware.translate(error)
            guard refused.status == .unprocessableEntity else { throw error }
            var model = try await Self.model(request)
            model.reason = reason
            model.error = refused.items.map(\.message).joined(separator: " ")
            return SessionVoidPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
        }
    }

    /// The session as the API reads it (authorised and audited there), and the patient's name.
    static func model(_ request: Request) async throws -> SessionVoidPage.Model {
        let patientID = try request.patientID()
        try await request.authorize(.voidSession, patient: patientID, resource: "TreatmentSession")
        let session = try await SessionController().read(request: request)
        guard let patient = try await PatientModel.find(patientID, on: request.db) else { throw APIError.notFound("Patient \(patientID)") }
        return SessionVoidPage.Model(patientID: patientID, patientName: "\(patient.givenName) \(patient.familyName)", session: session)
    }
}
