import Fluent
import Foundation
import TenderpointCore

/// The clinic's configurable rules, read from `clinic_settings` (defaults where nothing is set):
/// dose limits per product, the pregnancy screening policy, opening days and hours, closed dates.
/// The time zone comes from `CLINIC_TIMEZONE`.
enum ClinicSettingsStore {
    enum Key: String, CaseIterable {
        case doseLimits
        case pregnancyPolicy
        case openWeekdays
        case openingHours
        case closedDates
    }

    static func rules(on database: any Database, timeZone: TimeZone) async throws -> ClinicRules {
        let rows = try await ClinicSettingModel.query(on: database).all()
        var values: [Key: String] = [:]
        for row in rows {
            if let id = row.id, let key = Key(rawValue: id) { values[key] = row.value }
        }
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ key: Key, as type: T.Type) -> T? {
            values[key].flatMap { try? decoder.decode(T.self, from: Data($0.utf8)) }
        }
        let limits = decode(.doseLimits, as: ClinicDoseLimits.self) ?? ClinicDoseLimits()
        var policy = ScreeningPolicy.standard
        if values[.pregnancyPolicy] == "needsAcknowledgement" {
            try? policy.setEffect(.needsAcknowledgement, for: .pregnant)
        }
        let weekdays = decode(.openWeekdays, as: [Weekday].self).map(Set.init) ?? ClinicCalendar.mondayToFriday
        let hours = decode(.openingHours, as: [String: OpeningHours].self)?.reduce(into: [Weekday: OpeningHours]()) { result, pair in
            if let day = Weekday(rawValue: pair.key) { result[day] = pair.value }
        } ?? [:]
        let closed = decode(.closedDates, as: [CalendarDate].self).map(Set.init) ?? []
        let calendar = (try? ClinicCalendar(openWeekdays: weekdays, closedDates: closed, timeZone: timeZone, openingHours: hours))
            ?? (try! ClinicCalendar(timeZone: timeZone))
        return ClinicRules(doseLimits: limits, screeningPolicy: policy, calendar: calendar)
    }

    /// Stores one setting inside the caller's transaction.
    static func store(_ key: Key, json: String, on database: any Database) async throws {
        if let existing = try await ClinicSettingModel.find(key.rawValue, on: database) {
            existing.value = json
            existing.updatedAt = Date()
            try await existing.save(on: database)
        } else {
            try await ClinicSettingModel(key: key.rawValue, value: json).create(on: database)
        }
    }
}
