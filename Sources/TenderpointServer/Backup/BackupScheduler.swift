import Fluent
import Foundation
import Vapor

/// Runs the daily backup from `serve` (SQLite only). Every instance checks once a minute; the
/// `backup_state` row decides: a run is due when the most recent scheduled time (the clinic's
/// `backupTime`, 02:00 by default) has not been started yet — also right after a start that
/// missed it — and the lease is free. Claiming the run, the lease and the slot is one write
/// transaction (the row locked on PostgreSQL), so only one instance takes each day's copy.
struct BackupScheduler: LifecycleHandler {
    static let firstCheck: Duration = .seconds(30)
    static let interval: Duration = .seconds(60)
    /// A run that has not finished by then (a crashed instance) frees the lease.
    static let leaseLength: TimeInterval = 2 * 3600

    enum Outcome: Sendable, Equatable {
        /// Nothing due, or another instance holds the lease.
        case notDue
        case backedUp(DailyBackup.Copy)
        case failed(String)
    }

    /// Takes the backup when one is due at `now`; `holder` names this instance in the lease.
    @discardableResult
    static func runIfDue(_ app: Application, now: Date, holder: String) async throws -> Outcome {
        guard app.tenderpoint.sqliteFile != nil else { return .notDue }
        let zone = app.tenderpoint.clinicTimeZone
        let settings = try await BackupSettings.read(on: app.db)
        guard let slot = settings.mostRecentSlot(atOrBefore: now, timeZone: zone) else { return .notDue }
        let claimed = try await app.db.writeTransaction(locking: [(BackupStateModel.schema, BackupStateModel.rowID)]) { database in
            let state = try await BackupStateModel.load(on: database)
            if let last = state.lastSlot, last >= slot { return false }
            if let until = state.leaseUntil, until > now, state.leaseHolder != holder { return false }
            state.leaseHolder = holder
            state.leaseUntil = now.addingTimeInterval(leaseLength)
            state.lastSlot = slot
            state.lastAttemptAt = now
            try await state.save(on: database)
            return true
        }
        guard claimed else { return .notDue }

        let outcome: Outcome
        do {
            outcome = .backedUp(try await DailyBackup.take(app, now: now, copies: settings.copies))
        } catch {
            outcome = .failed(String(describing: error))
        }
        try await app.db.writeTransaction { database in
            let state = try await BackupStateModel.load(on: database)
            switch outcome {
            case .backedUp(let copy):
                state.lastGoodAt = now
                state.lastGoodFile = copy.file.lastPathComponent
                state.lastGoodSize = copy.size
                state.lastError = nil
            case .failed(let message):
                state.lastError = String(message.prefix(500))
            case .notDue:
                break
            }
            state.leaseHolder = nil
            state.leaseUntil = nil
            try await state.save(on: database)
        }
        switch outcome {
        case .backedUp(let copy):
            app.logger.notice("daily backup written and verified: \(copy.file.lastPathComponent), \(SQLiteBackup.describe(size: copy.size)); \(copy.removed.count) old copies removed")
        case .failed(let message):
            app.logger.error("daily backup FAILED: \(message)")
        case .notDue:
            break
        }
        return outcome
    }

    private struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }

    func didBootAsync(_ application: Application) async throws {
        guard application.tenderpoint.sqliteFile != nil else {
            application.logger.info("PostgreSQL: no automatic backups; back the database up with pg_dump")
            return
        }
        let holder = UUID().uuidString
        application.storage[TaskKey.self] = Task.detached { [weak application] in
            var pause = Self.firstCheck
            while !Task.isCancelled {
                try? await Task.sleep(for: pause)
                pause = Self.interval
                guard !Task.isCancelled, let application else { return }
                do {
                    try await Self.runIfDue(application, now: Date(), holder: holder)
                } catch {
                    application.logger.warning("backup check failed: \(type(of: error))")
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        application.storage[TaskKey.self]?.cancel()
        application.storage[TaskKey.self] = nil
    }
}
