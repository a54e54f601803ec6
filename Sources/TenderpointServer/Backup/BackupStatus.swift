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
        let change = try BackupSettingsChange(time: input.time, copies: input.copies.map(BackupSettingsChange.Copies.number))
        let configuration = request.application.tenderpoint
        return try await request.db.writeTransaction { database in
            try await change.store(by: user, on: database)
            return BackupDTO(try await BackupStatus.load(on: database, configuration: configuration))
        }
    }
}

/// A change to the backup settings from the API or the admin page: checked (all problems at
/// once, naming `time` and `copies`), then stored and audited in the caller's transaction.
struct BackupSettingsChange: Sendable {
    enum Copies: Sendable {
        case number(WholeNumberInput)
        /// As typed in a form.
        case text(String)
    }

    let minute: Int?
    let copies: Int?

    init(time: String?, copies: Copies?) throws {
        var problems: [Problem] = []
        var minute: Int?
        if let time {
            if let value = BackupSettings.minute(of: time.trimmingCharacters(in: .whitespaces)) {
                minute = value
            } else {
                problems.append(Problem(.invalidValue, "time must be a clinic time HH:MM from 00:00 to 23:59.", field: "time"))
            }
        }
        var count: Int?
        if let copies {
            let range = BackupSettings.copiesRange
            var whole: Int?
            switch copies {
            case .number(let number):
                if case .whole(let value) = number { whole = value }
            case .text(let text):
                let digits = text.trimmingCharacters(in: .whitespaces)
                if !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { whole = Int(digits) }
            }
            if let whole, range.contains(whole) {
                count = whole
            } else {
                problems.append(Problem(.valueOutOfRange, "copies must be a whole number from \(range.lowerBound) to \(range.upperBound).",
                                        field: "copies"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        guard minute != nil || count != nil else { throw APIError.invalid("time", "Send time, copies or both.") }
        self.minute = minute
        self.copies = count
    }

    func store(by user: AuthenticatedUser, on database: any Database) async throws {
        let old = try await BackupSettings.read(on: database)
        var new = old
        if let minute {
            new.minuteOfDay = minute
            try await ClinicSettingsStore.store(.backupTime, minute, on: database)
        }
        if let copies {
            new.copies = copies
            try await ClinicSettingsStore.store(.backupCopies, copies, on: database)
        }
        try await AuditLog.insert(AuditEntry(user: user, action: .update, resourceType: "ClinicSetting", resourceID: "backups",
                                             detail: "daily backup \(old.timeText) → \(new.timeText); copies kept \(old.copies) → \(new.copies)"),
                                  on: database)
    }
}
