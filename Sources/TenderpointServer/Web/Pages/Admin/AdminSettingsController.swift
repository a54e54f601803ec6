import Foundation
import TenderpointCore
import Vapor

/// `/admin/settings…`: every read and change goes through `SettingsController`'s handlers
/// (`request.callAPI`), so the core's checks, the transaction, the audit record and its
/// "raised above default" flag are the API's own.
struct AdminSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let settings = routes.grouped("settings")
        settings.get(use: show)
        settings.post("calendar", use: saveCalendar)
        settings.post("pregnancy-policy", use: savePregnancyPolicy)
        settings.post("periods", use: savePeriods)
        settings.post("dose-limits", ":product", use: saveLimits)
        settings.post("dose-limits", ":product", "reset", use: resetLimits)
    }

    private struct Empty: Encodable {}

    @Sendable
    func show(request: Request) async throws -> Response {
        var model = try await Self.model(request)
        model.notice = AdminSettingsPage.notice(try? request.query.get(String.self, at: "saved"))
        return AdminSettingsPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func saveCalendar(request: Request) async throws -> Response {
        var model = try await Self.model(request)
        let (input, errors) = model.form.readCalendar(try await request.webForm())
        model.errors = errors
        if let input {
            do {
                _ = try await request.callAPI(.PUT, path: "/api/settings/calendar", json: input, SettingsController().setCalendar)
                return request.seeOther("/admin/settings?saved=calendar#calendar")
            } catch {
                for item in try Self.refusal(error) {
                    let field = AdminSettingsForm.calendarField(item.field)
                    if model.errors[field] == nil { model.errors[field] = item.message }
                }
            }
        }
        return AdminSettingsPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    @Sendable
    func savePregnancyPolicy(request: Request) async throws -> Response {
        var model = try await Self.model(request)
        let effect = try await request.webForm()["effect"] ?? ""
        model.form.pregnancyPolicy = effect
        do {
            _ = try await request.callAPI(.PUT, path: "/api/settings/pregnancy-policy", json: PregnancyPolicyInput(effect: effect),
                                          SettingsController().setPregnancyPolicy)
            return request.seeOther("/admin/settings?saved=pregnancy#pregnancy")
        } catch {
            for item in try Self.refusal(error) where model.errors["effect"] == nil {
                model.errors["effect"] = item.field == "effect" ? "Choose one of the two policies." : item.message
            }
        }
        return AdminSettingsPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    @Sendable
    func savePeriods(request: Request) async throws -> Response {
        var model = try await Self.model(request)
        let (input, errors) = model.form.readPeriods(try await request.webForm())
        model.errors = errors
        if let input {
            do {
                _ = try await request.callAPI(.PUT, path: "/api/settings/periods", json: input, SettingsController().setPeriods)
                return request.seeOther("/admin/settings?saved=periods#periods")
            } catch {
                for item in try Self.refusal(error) {
                    let field = AdminSettingsForm.periodsField(item.field)
                    if model.errors[field] == nil { model.errors[field] = item.message }
                }
            }
        }
        return AdminSettingsPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    @Sendable
    func saveLimits(request: Request) async throws -> Response {
        var model = try await Self.model(request)
        let product = try Self.product(request)
        let (limits, errors) = model.form.readLimits(try await request.webForm(), product: product)
        model.errors = errors
        if let limits {
            do {
                _ = try await request.callAPI(.PUT, path: "/api/settings/dose-limits/\(product.rawValue)", json: limits,
                                              parameters: ["product": product.rawValue], SettingsController().setDoseLimits)
                return request.seeOther("/admin/settings?saved=limits-\(product.rawValue)#limits-\(product.rawValue)")
            } catch {
                for item in try Self.refusal(error) {
                    let field = AdminSettingsForm.limitField(product, item.field)
                    if model.errors[field] == nil { model.errors[field] = item.message }
                }
            }
        }
        return AdminSettingsPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    @Sendable
    func resetLimits(request: Request) async throws -> Response {
        var model = try await Self.model(request)
        let product = try Self.product(request)
        do {
            _ = try await request.callAPI(.DELETE, path: "/api/settings/dose-limits/\(product.rawValue)", json: Empty(),
                                          parameters: ["product": product.rawValue], SettingsController().resetDoseLimits)
            return request.seeOther("/admin/settings?saved=reset-\(product.rawValue)#limits-\(product.rawValue)")
        } catch {
            for item in try Self.refusal(error) {
                model.errors[AdminSettingsForm.limitField(product, nil)] = item.message
            }
        }
        return AdminSettingsPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    /// Admins only (`manageSettings`: clinicians and nurses may read the settings through the
    /// API, but this page is for changing them); the settings in force from the API's handler.
    private static func model(_ request: Request) async throws -> AdminSettingsPage.Model {
        try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let settings = try await request.callAPI(.GET, path: "/api/settings", json: Empty(), SettingsController().read)
        return AdminSettingsPage.Model(settings: settings)
    }

    private static func product(_ request: Request) throws -> ToxinProduct {
        guard let text = request.parameters.get("product"), let product = ToxinProduct(rawValue: text) else {
            throw APIError.notFound("That product")
        }
        return product
    }

    /// The API's refusal (422) as its items; anything else is not a refusal and goes on up.
    private static func refusal(_ error: any Error) throws -> [APIError.Item] {
        let refusal = APIErrorMiddleware.translate(error)
        guard refusal.status == .unprocessableEntity || refusal.status == .badRequest else { throw error }
        return refusal.items
    }
}
