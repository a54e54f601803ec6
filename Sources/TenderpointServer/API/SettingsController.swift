import Fluent
import Foundation
import TenderpointCore
import Vapor

/// The clinic's settings: dose limits per product, the pregnancy policy, open days and hours.
/// The core decides what may be set (`ClinicDoseLimits`, `ScreeningPolicy`, `ClinicCalendar`);
/// every change is audited in its own transaction.
struct SettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let settings = routes.grouped("settings")
        settings.get(use: read)
        settings.put("dose-limits", ":product", use: setDoseLimits)
        settings.delete("dose-limits", ":product", use: resetDoseLimits)
        settings.put("pregnancy-policy", use: setPregnancyPolicy)
        settings.put("calendar", use: setCalendar)
    }

    /// Staff who chart read the limits they chart against, so the read is open to admins,
    /// clinicians and nurses (`readStock`: the access table has no narrower settings read).
    @Sendable
    func read(request: Request) async throws -> SettingsDTO {
        try await request.authorize(.readStock, resource: "ClinicSetting")
        return SettingsDTO(try await ClinicSettingsStore.rules(on: request.db, timeZone: Self.timeZone(request)))
    }

    /// `PUT /api/settings/dose-limits/{product}` `{"perSite","perSession","cumulativeThreeMonths"}`.
    @Sendable
    func setDoseLimits(request: Request) async throws -> SettingsDTO {
        let user = try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let product = try Self.product(request)
        let limits = try request.content.decode(DoseLimits.self)
        return try await change(request) { rules, database in
            let change = try rules.doseLimits.set(limits, for: product, by: user.role)
            try await ClinicSettingsStore.store(.doseLimits, rules.doseLimits, on: database)
            return AuditEntry(user: user, action: .update, resourceType: "ClinicSetting", resourceID: "doseLimits.\(product.rawValue)",
                              detail: Self.describe(change))
        }
    }

    /// `DELETE /api/settings/dose-limits/{product}`: the product default applies again.
    @Sendable
    func resetDoseLimits(request: Request) async throws -> SettingsDTO {
        let user = try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let product = try Self.product(request)
        return try await change(request) { rules, database in
            let change = try rules.doseLimits.reset(product, by: user.role)
            try await ClinicSettingsStore.store(.doseLimits, rules.doseLimits, on: database)
            return AuditEntry(user: user, action: .update, resourceType: "ClinicSetting", resourceID: "doseLimits.\(product.rawValue)",
                              detail: Self.describe(change) + " (reset to the product default)")
        }
    }

    /// `PUT /api/settings/pregnancy-policy` `{"effect":"blocks"|"needsAcknowledgement"}`.
    @Sendable
    func setPregnancyPolicy(request: Request) async throws -> SettingsDTO {
        let user = try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let input = try request.content.decode(PregnancyPolicyInput.self)
        guard let policy = ClinicSettingsStore.PregnancyPolicy(rawValue: input.effect) else {
            throw APIError.invalid("effect", "effect must be blocks or needsAcknowledgement.", code: .unknownIdentifier)
        }
        return try await change(request) { rules, database in
            let old = ClinicSettingsStore.PregnancyPolicy(rules.screeningPolicy)
            do throws(Problem) {
                try rules.screeningPolicy.setEffect(policy.effect, for: .pregnant)
            } catch {
                throw Problem(error.code, error.message, field: "effect")
            }
            try await ClinicSettingsStore.store(.pregnancyPolicy, policy, on: database)
            return AuditEntry(user: user, action: .update, resourceType: "ClinicSetting", resourceID: "pregnancyPolicy",
                              detail: "\(old.rawValue) → \(policy.rawValue)")
        }
    }

    /// `PUT /api/settings/calendar` `{"openWeekdays","openingHours","closedDates"}`, any of them.
    @Sendable
    func setCalendar(request: Request) async throws -> SettingsDTO {
        let user = try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let input = try request.content.decode(CalendarInput.self)
        return try await change(request) { rules, database in
            let calendar = try input.applied(to: rules.calendar)
            rules.calendar = calendar
            try await ClinicSettingsStore.store(calendar, on: database)
            let open = Weekday.allCases.filter(calendar.openWeekdays.contains).map(\.rawValue).joined(separator: ",")
            return AuditEntry(user: user, action: .update, resourceType: "ClinicSetting", resourceID: "calendar",
                              detail: "open \(open); \(calendar.closedDates.count) closed dates")
        }
    }

    /// Reads the rules, applies `edit` (which stores what it changed and returns its audit
    /// record) and answers the settings now in force, all in one transaction.
    private func change(_ request: Request,
                        _ edit: @escaping @Sendable (inout ClinicRules, any Database) async throws -> AuditEntry) async throws -> SettingsDTO {
        let zone = Self.timeZone(request)
        return try await request.db.writeTransaction { database in
            var rules = try await ClinicSettingsStore.rules(on: database, timeZone: zone)
            let entry = try await edit(&rules, database)
            try await AuditLog.insert(entry, on: database)
            return SettingsDTO(try await ClinicSettingsStore.rules(on: database, timeZone: zone))
        }
    }

    private static func product(_ request: Request) throws -> ToxinProduct {
        guard let text = request.parameters.get("product"), let product = ToxinProduct(rawValue: text) else {
            throw APIError.notFound("Product \(request.parameters.get("product") ?? "")", field: "product")
        }
        return product
    }

    private static func timeZone(_ request: Request) -> TimeZone { request.application.tenderpoint.clinicTimeZone }

    /// "50/400/400 U → 60/400/400 U (per site/per session/3 months)", flagged when above the default.
    private static func describe(_ change: DoseLimitChange) -> String {
        func text(_ limits: DoseLimits?) -> String {
            guard let limits else { return "not set" }
            return "\(limits.perSite.plain)/\(limits.perSession.plain)/\(limits.cumulativeThreeMonths.plain) U"
        }
        var detail = "\(change.product.rawValue): \(text(change.old)) → \(text(change.new)) (per site/per session/3 months)"
        if change.raisedAboveDefault {
            detail += "; RAISED ABOVE DEFAULT " + (change.product.defaultLimits.map { "(\(text($0)))" } ?? "(the product has no default)")
        }
        return detail
    }
}
