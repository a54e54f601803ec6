import Foundation
import TenderpointCore

/// The settings page's forms as typed, and their translation into the settings API's bodies.
/// What the page can tell on its own (a time that is not HH:MM, units that are not a number)
/// it says beside the field; the rules themselves are the API's and the core's.
struct AdminSettingsForm: Sendable, Equatable {
    struct Day: Sendable, Equatable {
        var open: Bool
        var opens: String
        var closes: String
    }

    struct Limits: Sendable, Equatable {
        var perSite: String
        var perSession: String
        var cumulativeThreeMonths: String
    }

    var days: [Weekday: Day] = [:]
    var closedDates = ""
    var holidayRegion = ""
    var pregnancyPolicy = ""
    var consentValidityMonths = ""
    var diaryMaxDaysBack = ""
    var limits: [ToxinProduct: Limits] = [:]

    /// The settings in force, as the form first shows them.
    init(_ settings: SettingsDTO) {
        for day in Weekday.allCases {
            let hours = settings.openingHours[day.rawValue]
            days[day] = Day(open: settings.openWeekdays.contains(day), opens: Self.clock(hours?.open ?? OpeningHours.standard.open),
                            closes: Self.clock(hours?.close ?? OpeningHours.standard.close))
        }
        closedDates = settings.closedDates.map(\.iso).joined(separator: "\n")
        holidayRegion = settings.holidayRegion.rawValue
        pregnancyPolicy = settings.pregnancyPolicy.rawValue
        consentValidityMonths = String(settings.consentValidityMonths)
        diaryMaxDaysBack = String(settings.diaryMaxDaysBack)
        for product in ToxinProduct.allCases {
            let effective = settings.doseLimits[product.rawValue]?.effective
            limits[product] = Limits(perSite: effective?.perSite.plain ?? "", perSession: effective?.perSession.plain ?? "",
                                     cumulativeThreeMonths: effective?.cumulativeThreeMonths.plain ?? "")
        }
    }

    /// "09:00" for 540.
    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    /// Minutes after midnight for "9:00" or "09:00" (and "24:00", the end of the day).
    static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), parts[1].count == 2,
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 24 * 60 else { return nil }
        return hours * 60 + minutes
    }

    // MARK: Opening days and hours

    /// Reads the calendar form into `self`; returns the API body, or nil with the problems.
    mutating func readCalendar(_ form: WebForm) -> (CalendarInput?, [String: String]) {
        var errors: [String: String] = [:]
        var weekdays: [String] = []
        var hours: [String: OpeningHours] = [:]
        for day in Weekday.allCases {
            let typed = Day(open: form["open-\(day.rawValue)"] != nil, opens: form["opens-\(day.rawValue)"] ?? "",
                            closes: form["closes-\(day.rawValue)"] ?? "")
            days[day] = typed
            guard typed.open else { continue }
            weekdays.append(day.rawValue)
            guard let opens = Self.minutes(typed.opens) else {
                errors["hours-\(day.rawValue)"] = "Enter the opening time on \(day.rawValue.capitalized) as HH:MM, such as 09:00."
                continue
            }
            guard let closes = Self.minutes(typed.closes) else {
                errors["hours-\(day.rawValue)"] = "Enter the closing time on \(day.rawValue.capitalized) as HH:MM, such as 17:00."
                continue
            }
            do {
                hours[day.rawValue] = try OpeningHours(open: opens, close: closes)
            } catch {
                errors["hours-\(day.rawValue)"] = "On \(day.rawValue.capitalized) the clinic must open before it closes (\(typed.opens)–\(typed.closes))."
            }
        }
        closedDates = form["closedDates"] ?? ""
        let dates = closedDates.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let bad = dates.first(where: { CalendarDate(iso: $0) == nil }) {
            errors["closedDates"] = "“\(bad)” is not a date: write one date a line as YYYY-MM-DD."
        }
        // The region goes to the API as chosen (the API names it when it is not one of the four);
        // a form without it leaves the region as it is.
        let chosenRegion = form["holidayRegion"]
        if let chosenRegion { holidayRegion = chosenRegion }
        guard errors.isEmpty else { return (nil, errors) }
        return (CalendarInput(openWeekdays: weekdays, openingHours: hours, closedDates: dates, holidayRegion: chosenRegion), [:])
    }

    /// The calendar form's field for a field the API named.
    static func calendarField(_ field: String?) -> String {
        guard let field else { return "openWeekdays" }
        if field.hasPrefix("openWeekdays") { return "openWeekdays" }
        if field.hasPrefix("closedDates") { return "closedDates" }
        if field == "holidayRegion" { return "holidayRegion" }
        if field.hasPrefix("openingHours."), let day = field.split(separator: ".").dropFirst().first { return "hours-\(day)" }
        return "openWeekdays"
    }

    // MARK: Consent validity and diary reach

    /// Reads the periods form into `self`; returns the API body, or nil with the problems. The
    /// page checks only that each is a whole number; the ranges are the core's, via the API.
    mutating func readPeriods(_ form: WebForm) -> (PeriodsInput?, [String: String]) {
        consentValidityMonths = form["consentValidityMonths"]?.trimmingCharacters(in: .whitespaces) ?? ""
        diaryMaxDaysBack = form["diaryMaxDaysBack"]?.trimmingCharacters(in: .whitespaces) ?? ""
        var errors: [String: String] = [:]
        func whole(_ text: String, _ field: String, _ range: ClosedRange<Int>, _ unit: String) -> Int? {
            guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
                errors[field] = "Enter a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound)."
                return nil
            }
            return value
        }
        let months = whole(consentValidityMonths, "consentValidityMonths", ClinicRules.consentValidityMonthsRange, "months")
        let days = whole(diaryMaxDaysBack, "diaryMaxDaysBack", ClinicRules.diaryMaxDaysBackRange, "days")
        guard let months, let days else { return (nil, errors) }
        return (PeriodsInput(consentValidityMonths: .whole(months), diaryMaxDaysBack: .whole(days)), [:])
    }

    /// The periods form's field for a field the API named.
    static func periodsField(_ field: String?) -> String {
        field == "diaryMaxDaysBack" ? "diaryMaxDaysBack" : "consentValidityMonths"
    }

    // MARK: Dose limits

    /// Reads one product's limits into `self`; returns the API body, or nil with the problems.
    mutating func readLimits(_ form: WebForm, product: ToxinProduct) -> (DoseLimits?, [String: String]) {
        let typed = Limits(perSite: form["perSite"]?.trimmingCharacters(in: .whitespaces) ?? "",
                           perSession: form["perSession"]?.trimmingCharacters(in: .whitespaces) ?? "",
                           cumulativeThreeMonths: form["cumulativeThreeMonths"]?.trimmingCharacters(in: .whitespaces) ?? "")
        limits[product] = typed
        var errors: [String: String] = [:]
        func units(_ text: String, _ name: String, _ label: String) -> Units? {
            // Decimal(string:) reads "12abc" as 12: only digits and one point are a number here.
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), text.count(where: { $0 == "." }) <= 1,
                  let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), let units = Units(exactly: amount) else {
                errors[Self.limitField(product, name)] = "Enter the \(label) limit in units, such as 50 or 12.5."
                return nil
            }
            return units
        }
        let perSite = units(typed.perSite, "perSite", "per-site")
        let perSession = units(typed.perSession, "perSession", "per-session")
        let cumulative = units(typed.cumulativeThreeMonths, "cumulativeThreeMonths", "3-month")
        guard let perSite, let perSession, let cumulative else { return (nil, errors) }
        return (DoseLimits(perSite: perSite, perSession: perSession, cumulativeThreeMonths: cumulative), [:])
    }

    /// `onabotulinumtoxinA-perSite`: a field of one product's form.
    static func limitField(_ product: ToxinProduct, _ name: String?) -> String {
        let known = ["perSite", "perSession", "cumulativeThreeMonths"]
        return "\(product.rawValue)-\(name.flatMap { known.contains($0) ? $0 : nil } ?? "limits")"
    }
}
