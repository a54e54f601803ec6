import Fluent
import TenderpointCore
import Foundation
import Vapor

/// What the admin page and `GET /api/settings/backups` show about the daily backups.
struct BackupStatus: Sendable, Equatable {
    let postgres: Bool
    let settings: BackupSettings
    let lastGoodAt: Date?
    let lastGoodFile: String?
    let lastGoodSize: Int64?
    let lastAttemptAt: Date?
    let lastError: String?
    /// No good backup yet, or the last good one older than 36 hours at the time asked.
    let stale: Bool

    static func load(on database: any Database, configuration: AppConfiguration, now: Date = Date()) async throws -> BackupStatus {
        let settings = try await BackupSettings.read(on: database)
        let state = try await BackupStateModel.find(BackupStateModel.rowID, on: database)
        let lastGood = state?.lastGoodAt
        let stale = lastGood.map { now.timeIntervalSince($0) > BackupSettings.staleAfter } ?? true
        return BackupStatus(postgres: configuration.sqliteFile == nil, settings: settings, lastGoodAt: lastGood,
                            lastGoodFile: state?.lastGoodFile, lastGoodSize: state?.lastGoodSize,
                            lastAttemptAt: state?.lastAttemptAt, lastError: state?.lastError, stale: stale)
    }
}

/// `GET /api/settings/backups`.
struct BackupDTO: Content, Equatable {
    struct LastGood: Content, Equatable {
        let at: Date
        let file: String
        let size: Int64
    }

    /// `sqlite` (Tenderpoint takes the daily copies) or `postgres` (pg_dump is the clinic's job).
    let storage: String
    /// The clinic time of the daily backup, "HH:MM".
    let time: String
    /// How many daily copies are kept (1–365).
    let copies: Int
    @ExplicitNull var lastGood: LastGood?
    @ExplicitNull var lastAttemptAt: Date?
    /// Why the last attempt failed; null when it succeeded.
    @ExplicitNull var lastError: String?
    /// True when there is no good backup or the last good one is older than 36 hours.
    let stale: Bool

    init(_ status: BackupStatus) {
        storage = status.postgres ? "postgres" : "sqlite"
        time = status.settings.timeText
        copies = status.settings.copies
        if let at = status.lastGoodAt, let file = status.lastGoodFile {
            lastGood = LastGood(at: at, file: file, size: status.lastGoodSize ?? 0)
        } else {
            lastGood = nil
        }
        lastAttemptAt = status.lastAttemptAt
        lastError = status.lastError
        stale = status.stale
    }
}

/// `PUT /api/settings/backups` `{"time":"HH:MM","copies":N}`: either or both.
struct BackupSettingsInput: Content {
    var time: String?
    var copies: WholeNumberInput?
}

/// The daily backups' settings and state, for admins (`manageSettings`); changes are audited.
struct BackupSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let backups = routes.grouped("settings", "backups")
        backups.get(use: read)
        backups.put(use: update)
    }

    @Sendable
    func read(request: Request) async throws -> BackupDTO {
        try await request.authorize(.manageSettings, resource: "ClinicSetting")
        return BackupDTO(try await BackupStatus.load(on: request.db, configuration: request.application.tenderpoint))
    }

    @Sendable
    func update(request: Request) async throws -> BackupDTO {
        let user = try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let input = try request.content.decode(BackupSettingsInput.self)
        var problems: [Problem] = []
        var minute: Int?
        var copies: Int?
        if let time = input.time {
            if let value = BackupSettings.minute(of: time) {
                minute = value
            } else {
                problems.append(Problem(.invalidValue, "time must be a clinic time HH:MM from 00:00 to 23:59.", field: "time"))
            }
        }
        if let value = input.copies {
            let range = BackupSettings.copiesRange
            let message = "copies must be a whole number from \(range.lowerBound) to \(range.upperBound)."
            do throws(Problem) {
                let whole = try value.whole(field: "copies", range: range, unit: "copies")
                if range.contains(whole) { copies = whole } else { problems.append(Problem(.valueOutOfRange, message, field: "copies")) }
            } catch {
                problems.append(Problem(.valueOutOfRange, message, field: "copies"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        guard minute != nil || copies != nil else { throw APIError.invalid("time", "Send time, copies or both.") }
        let newMinute = minute, newCopies = copies
        let configuration = request.application.tenderpoint
        return try await request.db.writeTransaction { database in
            let old = try await BackupSettings.read(on: database)
            var new = old
            if let newMinute {
                new.minuteOfDay = newMinute
                try await ClinicSettingsStore.store(.backupTime, newMinute, on: database)
            }
            if let newCopies {
                new.copies = newCopies
                try await ClinicSettingsStore.store(.backupCopies, newCopies, on: database)
            }
            try await AuditLog.insert(AuditEntry(user: user, action: .update, resourceType: "ClinicSetting", resourceID: "backups",
                                                 detail: "daily backup \(old.timeText) → \(new.timeText); copies kept \(old.copies) → \(new.copies)"),
                                      on: database)
            return BackupDTO(try await BackupStatus.load(on: database, configuration: configuration))
        }
    }
}
