import Fluent
import Foundation
import TenderpointCore

/// When the daily backup runs (minutes after the clinic's midnight) and how many copies are
/// kept, stored as clinic settings (`backupTime`, `backupCopies`); 02:00 and 14 by default.
struct BackupSettings: Sendable, Equatable {
    static let defaultMinuteOfDay = 120
    static let defaultCopies = 14
    static let minuteRange = 0...1439
    static let copiesRange = 1...365
    /// A good backup older than this is warned about on the admin page.
    static let staleAfter: TimeInterval = 36 * 3600

    var minuteOfDay = defaultMinuteOfDay
    var copies = defaultCopies

    /// "02:00".
    var timeText: String {
        let hour = minuteOfDay / 60, minute = minuteOfDay % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// "HH:MM" from 00:00 to 23:59 (exactly two digits each), as minutes after midnight.
    static func minute(of text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// The stored settings; a stored value out of range is damage, not a choice.
    static func read(on database: any Database) async throws -> BackupSettings {
        var settings = BackupSettings()
        if let row = try await ClinicSettingModel.find(ClinicSettingsStore.Key.backupTime.rawValue, on: database) {
            guard let value = Int(row.value), minuteRange.contains(value) else {
                throw ClinicSettingsStore.DamagedSetting(key: .backupTime)
            }
            settings.minuteOfDay = value
        }
        if let row = try await ClinicSettingModel.find(ClinicSettingsStore.Key.backupCopies.rawValue, on: database) {
            guard let value = Int(row.value), copiesRange.contains(value) else {
                throw ClinicSettingsStore.DamagedSetting(key: .backupCopies)
            }
            settings.copies = value
        }
        return settings
    }

    /// The most recent scheduled time at or before `now`: today's HH:MM in the clinic's zone,
    /// or yesterday's when today's is still to come. On a day when HH:MM does not exist (the
    /// clocks go forward) the next time that does.
    func mostRecentSlot(atOrBefore now: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        func slot(on day: Date) -> Date? {
            calendar.date(bySettingHour: minuteOfDay / 60, minute: minuteOfDay % 60, second: 0, of: day,
                          matchingPolicy: .nextTime, repeatedTimePolicy: .first, direction: .forward)
        }
        if let todays = slot(on: today), todays <= now { return todays }
        guard let yesterday = calendar.date(byAdding: .day, value: -1, to: today) else { return nil }
        return slot(on: yesterday)
    }
}
