import Fluent
import Foundation
import TenderpointCore
import Vapor

/// The clinic's settings: dose limits per product, the pregnancy policy, open days and hours,
/// closed dates and the bank holiday region, the consent validity and how far back a diary may
/// reach. The core decides what may be set (`ClinicDoseLimits`, `ScreeningPolicy`,
/// `ClinicCalendar`, `ClinicRules`); every change is audited in its own transaction. Also the
/// region's bank holidays of a year (`GET /api/calendar/holidays`), as the calendar applies them.
struct SettingsController: RouteCollection {
    /// Years `GET /api/calendar/holidays` answers for.
    static let holidayYears = 2000...2100

    func boot(routes: any RoutesBuilder) throws {
        let settings = routes.grouped("settings")
        settings.get(use: read)
        settings.put("dose-limits", ":product", use: setDoseLimits)
        settings.delete("dose-limits", ":product", use: resetDoseLimits)
        settings.put("pregnancy-policy", use: setPregnancyPolicy)
        settings.put("calendar", use: setCalendar)
        settings.put("periods", use: setPeriods)
        routes.get("calendar", "holidays", use: holidays)
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

    /// `PUT /api/settings/calendar` `{"openWeekdays","openingHours","closedDates","holidayRegion"}`,
    /// any of them.
    @Sendable
    func setCalendar(request: Request) async throws -> SettingsDTO {
        let user = try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let input = try request.content.decode(CalendarInput.self)
        return try await change(request) { rules, database in
            let old = rules.calendar.holidayRegion
            let calendar = try input.applied(to: rules.calendar)
            rules.calendar = calendar
            try await ClinicSettingsStore.store(calendar, on: database)
            let open = Weekday.allCases.filter(calendar.openWeekdays.contains).map(\.rawValue).joined(separator: ",")
            var detail = "open \(open); \(calendar.closedDates.count) closed dates; bank holidays \(calendar.holidayRegion.rawValue)"
            if old != calendar.holidayRegion { detail += " (was \(old.rawValue))" }
            return AuditEntry(user: user, action: .update, resourceType: "ClinicSetting", resourceID: "calendar", detail: detail)
        }
    }

    /// `PUT /api/settings/periods` `{"consentValidityMonths","diaryMaxDaysBack"}`, either or both:
    /// whole numbers within `ClinicRules`' ranges (1–24 months, 0–30 days), else 422 naming the field.
    @Sendable
    func setPeriods(request: Request) async throws -> SettingsDTO {
        let user = try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let input = try request.content.decode(PeriodsInput.self)
        var problems: [Problem] = []
        var months: Int?
        var days: Int?
        if let value = input.consentValidityMonths {
            do throws(Problem) {
                let field = "consentValidityMonths"
                months = try ClinicRules.checkedConsentValidityMonths(
                    try value.whole(field: field, range: ClinicRules.consentValidityMonthsRange, unit: "months"), field: field)
            } catch {
                problems.append(error)
            }
        }
        if let value = input.diaryMaxDaysBack {
            do throws(Problem) {
                let field = "diaryMaxDaysBack"
                days = try ClinicRules.checkedDiaryMaxDaysBack(
                    try value.whole(field: field, range: ClinicRules.diaryMaxDaysBackRange, unit: "days"), field: field)
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        guard months != nil || days != nil else {
            throw APIError.invalid("consentValidityMonths", "Send consentValidityMonths, diaryMaxDaysBack or both.")
        }
        let newMonths = months, newDays = days
        return try await change(request) { rules, database in
            var changes: [String] = []
            if let newMonths {
                changes.append("consent in force \(rules.consentValidityMonths) → \(newMonths) months")
                rules.consentValidityMonths = newMonths
                try await ClinicSettingsStore.store(.consentValidityMonths, newMonths, on: database)
            }
            if let newDays {
                changes.append("diary back \(rules.diaryMaxDaysBack) → \(newDays) days")
                rules.diaryMaxDaysBack = newDays
                try await ClinicSettingsStore.store(.diaryMaxDaysBack, newDays, on: database)
            }
            return AuditEntry(user: user, action: .update, resourceType: "ClinicSetting", resourceID: "periods",
                              detail: changes.joined(separator: "; "))
        }
    }

    /// `GET /api/calendar/holidays?year=&region=` (staff): a region's bank holidays of a year
    /// (2000–2100; the clinic's current year when left out) as the clinic calendar closes for
    /// them; `region` defaults to the clinic's own. No patient data, so not audited.
    @Sendable
    func holidays(request: Request) async throws -> HolidaysDTO {
        try await request.authorize(.readAvailability, resource: "ClinicCalendar")
        let zone = Self.timeZone(request)
        let year: Int
        if let text = request.query[String.self, at: "year"] {
            let digits = text.hasPrefix("-") ? text.dropFirst() : text[...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw APIError.invalid("year", "year must be a whole year such as 2027.")
            }
            guard let value = Int(text), Self.holidayYears.contains(value) else {
                throw APIError.invalid("year", "year must be from \(Self.holidayYears.lowerBound) to \(Self.holidayYears.upperBound).",
                                       code: .valueOutOfRange)
            }
            year = value
        } else {
            year = CalendarDate(Date(), in: zone).year
        }
        let region: HolidayRegion
        if let text = request.query[String.self, at: "region"] {
            guard let known = HolidayRegion(rawValue: text) else {
                throw APIError.invalid("region", "region must be one of \(HolidayRegion.allCases.map(\.rawValue).joined(separator: ", ")).",
                                       code: .unknownIdentifier)
            }
            region = known
        } else {
            region = try await ClinicSettingsStore.rules(on: request.db, timeZone: zone).calendar.holidayRegion
        }
        return HolidaysDTO(year: year, region: region, holidays: BankHolidays.holidays(in: year, region: region))
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
