import Fluent
import Foundation
import TenderpointCore

/// The clinic's configurable rules, read from `clinic_settings` (defaults where nothing is set):
/// dose limits per product, the pregnancy screening policy, opening days and hours, closed dates,
/// whose bank holidays close the clinic (England and Wales unless set), how long a consent stays
/// in force and how far back a diary entry may reach. The time zone comes from `CLINIC_TIMEZONE`.
///
/// Every value is checked by the core when it is set (`SettingsController`), so a stored value
/// that no longer decodes is damage, not a choice: reading it throws rather than falling back
/// to the defaults, which could silently raise a dose limit the clinic had lowered.
enum ClinicSettingsStore {
    enum Key: String, CaseIterable {
        case doseLimits
        case pregnancyPolicy
        case openWeekdays
        case openingHours
        case closedDates
        case holidayRegion
        case consentValidityMonths
        case diaryMaxDaysBack
        // The daily backup (`BackupSettings`): minutes after midnight, copies kept.
        case backupTime
        case backupCopies
    }

    /// The stored pregnancy policy: the effect of a "yes" to `pregnant`.
    enum PregnancyPolicy: String, Codable, CaseIterable {
        case blocks
        case needsAcknowledgement

        var effect: ScreeningEffect {
            switch self {
            case .blocks: .blocks
            case .needsAcknowledgement: .needsAcknowledgement
            }
        }

        init(_ policy: ScreeningPolicy) {
            self = policy.effect(of: .pregnant) == .needsAcknowledgement ? .needsAcknowledgement : .blocks
        }
    }

    /// A stored setting that does not decode (named by key; values never reach the log).
    struct DamagedSetting: Error, CustomStringConvertible {
        let key: Key
        var description: String { "clinic setting \(key.rawValue) could not be read" }
    }

    static func rules(on database: any Database, timeZone: TimeZone) async throws -> ClinicRules {
        let rows = try await ClinicSettingModel.query(on: database).all()
        var values: [Key: String] = [:]
        for row in rows {
            if let id = row.id, let key = Key(rawValue: id) { values[key] = row.value }
        }
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ key: Key, as type: T.Type) throws -> T? {
            guard let text = values[key] else { return nil }
            do {
                return try decoder.decode(T.self, from: Data(text.utf8))
            } catch {
                throw DamagedSetting(key: key)
            }
        }
        let limits = try decode(.doseLimits, as: ClinicDoseLimits.self) ?? ClinicDoseLimits()
        var policy = ScreeningPolicy.standard
        if let pregnancy = try decode(.pregnancyPolicy, as: PregnancyPolicy.self) {
            do { try policy.setEffect(pregnancy.effect, for: .pregnant) } catch { throw DamagedSetting(key: .pregnancyPolicy) }
        }
        let weekdays = try decode(.openWeekdays, as: [Weekday].self).map(Set.init) ?? ClinicCalendar.mondayToFriday
        var hours: [Weekday: OpeningHours] = [:]
        for (name, value) in try decode(.openingHours, as: [String: OpeningHours].self) ?? [:] {
            guard let day = Weekday(rawValue: name) else { throw DamagedSetting(key: .openingHours) }
            hours[day] = value
        }
        let closed = try decode(.closedDates, as: [CalendarDate].self).map(Set.init) ?? []
        let region = try decode(.holidayRegion, as: HolidayRegion.self) ?? ClinicCalendar.defaultHolidayRegion
        let calendar: ClinicCalendar
        do {
            calendar = try ClinicCalendar(openWeekdays: weekdays, closedDates: closed, holidayRegion: region,
                                          timeZone: timeZone, openingHours: hours)
        } catch {
            throw DamagedSetting(key: .openWeekdays)
        }
        // Checked as they are set; ClinicRules would clamp a stored value out of range, which
        // would hide damage, so it is refused here.
        var consentMonths = ClinicRules.defaultConsentValidityMonths
        if let stored = try decode(.consentValidityMonths, as: Int.self) {
            do { consentMonths = try ClinicRules.checkedConsentValidityMonths(stored) } catch { throw DamagedSetting(key: .consentValidityMonths) }
        }
        var diaryDays = ClinicRules.defaultDiaryMaxDaysBack
        if let stored = try decode(.diaryMaxDaysBack, as: Int.self) {
            do { diaryDays = try ClinicRules.checkedDiaryMaxDaysBack(stored) } catch { throw DamagedSetting(key: .diaryMaxDaysBack) }
        }
        return ClinicRules(doseLimits: limits, screeningPolicy: policy, calendar: calendar,
                           consentValidityMonths: consentMonths, diaryMaxDaysBack: diaryDays)
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

    /// Stores a value as JSON (sorted keys, so equal settings are equal text) in the caller's transaction.
    static func store(_ key: Key, _ value: some Encodable, on database: any Database) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        try await store(key, json: json, on: database)
    }

    /// Stores the calendar's days, hours, closed dates and holiday region (the time zone is
    /// configuration, not a setting).
    static func store(_ calendar: ClinicCalendar, on database: any Database) async throws {
        try await store(.openWeekdays, Weekday.allCases.filter(calendar.openWeekdays.contains), on: database)
        let hours = Dictionary(uniqueKeysWithValues: calendar.openingHours.map { ($0.key.rawValue, $0.value) })
        try await store(.openingHours, hours, on: database)
        try await store(.closedDates, calendar.closedDates.sorted(), on: database)
        try await store(.holidayRegion, calendar.holidayRegion, on: database)
    }
}
