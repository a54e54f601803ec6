import Fluent
import Foundation
import TenderpointCore
import Vapor

/// `GET/POST /patients/{id}/session`: charting goes through `SessionController.create`, so
/// the core's `SessionValidation` decides (interval, dose limits, screening, consent, vials) and
/// the follow-ups are booked in the same transaction; the running totals come from
/// `SessionCheckController.check`, which the page's script also asks while rows change (at
/// `/patients/{id}/sessions/check`, with the page's session and CSRF header). This page only
/// gathers and shows.
struct SessionChartingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("patients", ":patientID", "session", use: form)
        routes.post("patients", ":patientID", "session", use: submit)
        try routes.register(collection: SessionCheckController())
    }

    /// What the submit button asked for: chart the session, or (without the script) show the
    /// totals or more empty rows, keeping what was typed.
    enum Action: String {
        case chart, check, more
    }

    @Sendable
    func form(request: Request) async throws -> Response {
        let model = try await Self.model(request, form: SessionForm(today: request.clinicToday), fresh: true)
        return SessionPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func submit(request: Request) async throws -> Response {
        let webForm = try await request.webForm()
        let action = webForm["action"].flatMap(Action.init(rawValue:)) ?? .chart
        var form = SessionForm(webForm)
        if action == .more { form.addRows() }
        var model = try await Self.model(request, form: form, fresh: false)
        let path = "/api/patients/\(model.patientID.uuidString)/sessions"
        let parameters = ["patientID": model.patientID.uuidString]
        let (body, rowNumbers, errors) = form.body()
        model.rowNumbers = rowNumbers
        if action != .more { model.errors = errors }
        if let body {
            var refusal: [APIError.Item] = []
            if action == .chart {
                do {
                    _ = try await request.callAPI(path: path, json: body, parameters: parameters, SessionController().create)
                    return request.seeOther("/patients/\(model.patientID.uuidString)?saved=session")
                } catch {
                    let refused = APIErrorMiddleware.translate(error)
                    guard refused.status == .unprocessableEntity || refused.status == .conflict else { throw error }
                    refusal = refused.items
                }
            }
            // The core's figures for the rows as typed (shown without the script too); a body
            // the API cannot read has none.
            model.check = try? await request.callAPI(path: path + "/check", json: body, parameters: parameters,
                                                     SessionCheckController().check)
            switch action {
            case .chart: Self.place(refusal, in: &model)
            case .check: Self.place(model.check?.problems ?? [], in: &model)
            case .more: break
            }
        }
        switch action {
        case .chart: model.errorTitle = "The session was not charted"
        case .check: model.errorTitle = "Charting now would be refused"
        case .more: break
        }
        let status: HTTPResponseStatus = action == .chart ? .unprocessableEntity : .ok
        return SessionPage.View.render(model, context: request.pageContext).response(status: status)
    }

    /// Every problem beside its field, each once. Mixing products has no row of its own in the
    /// API; it is shown beside each row whose vial is not of the first row's product.
    static func place(_ items: [APIError.Item], in model: inout SessionPage.Model) {
        func add(_ field: String, _ message: String) {
            if let shown = model.errors[field] {
                if !shown.contains(message) { model.errors[field] = shown + " " + message }
            } else {
                model.errors[field] = message
            }
        }
        for item in items {
            if item.code == Problem.Code.mixedProducts.rawValue, let injections = model.check?.injections,
               let first = injections.first(where: { $0.product != nil })?.product {
                let rows = injections.filter { $0.product != nil && $0.product != first }
                    .compactMap { $0.index < model.rowNumbers.count ? model.rowNumbers[$0.index] : nil }
                for row in rows { add("vial\(row)", item.message) }
                if !rows.isEmpty { continue }
            }
            add(SessionForm.formField(item.field, rowNumbers: model.rowNumbers), item.message)
        }
    }

    /// What the form offers: usable vials (the core's `Vial.problems` via `VialDTO`) with their
    /// product's limits, the units of each of those products already given inside the core's
    /// cumulative window (`DoseFigures`), the patient's consents in force, the clinicians who
    /// may supervise, and the clinic's screening policy. `fresh` is the empty form: with one
    /// usable vial, its first row names it.
    static func model(_ request: Request, form: SessionForm, fresh: Bool) async throws -> SessionPage.Model {
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
        let vialIDs = stock.compactMap(\.id)
        let stockDTOs = try await VialController.dtos(vialIDs, now: now, timeZone: zone, on: request.db)
        let vials = stockDTOs.filter(\.usableNow).map { vial in
            let strength = (vial.unitsPerTenthMl.map { " — \($0) U per 0.1 mL" } ?? "") + ", \(vial.remainingUnits) left"
            let until = vial.usableUntil.map { ", use by \(WebFormat.dateTime($0, in: zone))" } ?? ""
            return SessionPage.Vial(id: vial.id, label: "\(vial.lotNumber) — \(vial.product.rawValue) \(vial.units)\(strength)\(until)",
                                    product: vial.product, limits: rules.doseLimits.limits(for: vial.product))
        }
        let consents = try await ConsentModel.query(on: request.db).filter(\.$patient.$id == patientID)
            .filter(\.$withdrawnOn == nil).sort(\.$date, .descending).all()
            .compactMap { consent -> SessionPage.Consent? in
                guard let id = consent.id, let record = consent.coreRecord else { return nil }
                // The core's validity, so an old consent is seen as such before charting is refused.
                let until = record.validUntil(validityMonths: rules.consentValidityMonths)
                let status = until < today ? "expired \(WebFormat.date(until))" : "in force until \(WebFormat.date(until))"
                let scope = record.products.map { " (" + $0.map(\.rawValue).sorted().joined(separator: ", ") + ")" } ?? ""
                return SessionPage.Consent(id: id, label: "Signed \(WebFormat.date(record.date)), information \(consent.informationVersion)"
                                               + scope + ", " + status)
            }
        let clinicians = try await UserModel.query(on: request.db).filter(\.$role == Role.clinician.rawValue)
            .filter(\.$active == true).sort(\.$displayName).all()
            .compactMap { user in user.id.map { SessionPage.Clinician(id: $0, name: user.displayName) } }
        let earlier = try await SessionController.recordedSessions(patientID: patientID, on: request.db)
        let sessionDate = CalendarDate(iso: form.date) ?? today
        let products = Set(vials.map(\.product)).union(earlier.map(\.dose.product)).sorted { $0.rawValue < $1.rawValue }
        let given = products.map { product in
            DoseFigures(product: product, sessionDate: sessionDate, injections: [], otherSessions: earlier,
                        limits: rules.doseLimits.limits(for: product))
        }.filter { figures in vials.contains { $0.product == figures.product } || !figures.cumulative.otherSessionDates.isEmpty }
        await request.auditRead("Consent", patient: patientID, detail: "web: session form, \(consents.count) consents")
        await request.auditRead("TreatmentSession", patient: patientID, detail: "web: session form, \(earlier.count) sessions for the dose totals")
        var filled = form
        if filled.consentID.isEmpty, let first = consents.first { filled.consentID = first.id.uuidString }
        if fresh, vials.count == 1, let only = vials.first { filled.rows[0].vial = only.id.uuidString }
        return SessionPage.Model(
            patientID: patientID, patientName: "\(patient.givenName) \(patient.familyName)", vials: vials, consents: consents,
            clinicians: clinicians,
            screeningEffects: Dictionary(uniqueKeysWithValues: ScreeningItem.allCases.map { ($0, rules.screeningPolicy.effect(of: $0)) }),
            role: user.role, form: filled, given: given, timeZone: zone)
    }
}
