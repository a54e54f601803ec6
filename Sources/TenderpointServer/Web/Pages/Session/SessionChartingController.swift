import Fluent
import Foundation
import TenderpointCore
import Vapor

/// `GET/POST /patients/{id}/session`: charting goes through `SessionController.create`, so
/// the core's `SessionValidation` decides (interval, dose limits, screening, consent, vial) and
/// the follow-ups are booked in the same transaction; this page only gathers and shows.
struct SessionChartingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("patients", ":patientID", "session", use: form)
        routes.post("patients", ":patientID", "session", use: submit)
    }

    @Sendable
    func form(request: Request) async throws -> Response {
        let model = try await Self.model(request, form: SessionForm(today: request.clinicToday))
        return SessionPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func submit(request: Request) async throws -> Response {
        let form = SessionForm(try await request.webForm())
        var model = try await Self.model(request, form: form)
        let (body, rowNumbers, errors) = form.body()
        model.errors = errors
        if form.vialID.isEmpty { model.errors["vialId"] = "Choose a vial." }
        if let body {
            do {
                _ = try await request.callAPI(path: "/api/patients/\(model.patientID.uuidString)/sessions", json: body,
                                              parameters: ["patientID": model.patientID.uuidString], SessionController().create)
                return request.seeOther("/patients/\(model.patientID.uuidString)?saved=session")
            } catch {
                let refusal = APIErrorMiddleware.translate(error)
                guard refusal.status == .unprocessableEntity || refusal.status == .conflict else { throw error }
                for item in refusal.items {
                    // Every problem beside its field, each once (a vial's problem repeats for each of its rows).
                    let field = SessionForm.formField(item.field, rowNumbers: rowNumbers)
                    if field == "vialId", form.vialID.isEmpty { continue }
                    if let shown = model.errors[field] {
                        if !shown.contains(item.message) { model.errors[field] = shown + " " + item.message }
                    } else {
                        model.errors[field] = item.message
                    }
                }
            }
        }
        return SessionPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    /// What the form offers: usable vials (the core's `Vial.problems` via `VialDTO`) with their
    /// product's limits, the patient's consents in force, the clinicians who may supervise, and
    /// the clinic's screening policy.
    static func model(_ request: Request, form: SessionForm) async throws -> SessionPage.Model {
        let patientID = try request.patientID()
        let user = try await request.authorize(.chartSession, patient: patientID, resource: "TreatmentSession")
        guard let patient = try await PatientModel.find(patientID, on: request.db) else { throw APIError.notFound("Patient \(patientID)") }
        let zone = request.application.tenderpoint.clinicTimeZone
        let now = Date()
        let today = CalendarDate(now, in: zone)
        let rules = try await ClinicSettingsStore.rules(on: request.db, timeZone: zone)

        let stock = try await VialModel.query(on: request.db)
            .filter(\.$state ~~ [VialState.unopened.rawValue, VialState.inUse.rawValue])
            .filter(\.$expiryDate >= today.iso)
            .sort(\.$lotNumber).all()
        let vials = try stock.map { try VialDTO($0, now: now, timeZone: zone) }.filter(\.usableNow).map { vial in
            let strength = vial.unitsPerTenthMl.map { " — \($0) U per 0.1 mL" } ?? ""
            let until = vial.usableUntil.map { ", use by \(WebFormat.dateTime($0, in: zone))" } ?? ""
            return SessionPage.Vial(id: vial.id, label: "\(vial.lotNumber) — \(vial.product.rawValue) \(vial.units)\(strength)\(until)",
                                    product: vial.product, limits: rules.doseLimits.limits(for: vial.product))
        }
        let consents = try await ConsentModel.query(on: request.db).filter(\.$patient.$id == patientID)
            .filter(\.$withdrawnOn == nil).sort(\.$date, .descending).all()
            .compactMap { consent -> SessionPage.Consent? in
                guard let id = consent.id, let date = CalendarDate(iso: consent.date) else { return nil }
                return SessionPage.Consent(id: id, label: "Signed \(WebFormat.date(date)), information \(consent.informationVersion)")
            }
        let clinicians = try await UserModel.query(on: request.db).filter(\.$role == Role.clinician.rawValue)
            .filter(\.$active == true).sort(\.$displayName).all()
            .compactMap { user in user.id.map { SessionPage.Clinician(id: $0, name: user.displayName) } }
        await request.auditRead("Consent", patient: patientID, detail: "web: session form, \(consents.count) consents")
        var filled = form
        if filled.consentID.isEmpty, let first = consents.first { filled.consentID = first.id.uuidString }
        return SessionPage.Model(
            patientID: patientID, patientName: "\(patient.givenName) \(patient.familyName)", vials: vials, consents: consents,
            clinicians: clinicians,
            screeningEffects: Dictionary(uniqueKeysWithValues: ScreeningItem.allCases.map { ($0, rules.screeningPolicy.effect(of: $0)) }),
            role: user.role, form: filled)
    }
}
