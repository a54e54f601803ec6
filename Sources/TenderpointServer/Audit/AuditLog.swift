import Fluent
import Foundation
import Vapor

/// The audit trail's writer (DESIGN.md): a write's record goes into the write's own transaction
/// (`AuditLog.insert(_:on:)`); read records are buffered and stored in batches every
/// `flushInterval` or when `batchSize` are waiting, and on shutdown, so a read costs a small
/// share of one insert and a crash loses at most the last moment's reads, never a write's record.
actor AuditLog {
    static let batchSize = 256
    static let flushInterval: Duration = .milliseconds(500)

    private let databases: Databases
    private let logger: Logger
    private var pending: [AuditEntry] = []
    private var flushTask: Task<Void, Never>?
    private var lastWrite: Task<Void, Never>?

    init(databases: Databases, logger: Logger) {
        self.databases = databases
        self.logger = logger
    }

    /// Buffers a record of a read (or a refusal).
    func record(_ entry: AuditEntry) async {
        pending.append(entry)
        if pending.count >= Self.batchSize {
            // Detached: the caller may be inside a write transaction, and a flush is a write
            // transaction of its own.
            Task.detached { [weak self] in await self?.flush() }
        } else if flushTask == nil {
            flushTask = Task.detached { [weak self] in
                try? await Task.sleep(for: AuditLog.flushInterval)
                await self?.flush()
            }
        }
    }

    /// Stores everything buffered and waits until every earlier batch is stored too. Called by
    /// the timer, when the buffer fills, on shutdown, and by readers of the trail so that they
    /// see their own requests. Batches are written one after another, in order.
    func flush() async {
        flushTask = nil
        let batch = pending
        pending = []
        let previous = lastWrite
        let write = Task.detached { [weak self] in
            await previous?.value
            guard !batch.isEmpty else { return }
            await self?.store(batch)
        }
        lastWrite = write
        await write.value
    }

    private func store(_ batch: [AuditEntry]) async {
        do {
            let database = databases.database(logger: logger, on: databases.eventLoopGroup.any())!
            try await database.writeTransaction { transaction in
                try await batch.map(\.model).create(on: transaction)
            }
        } catch {
            // Keep them for the next attempt rather than lose them.
            pending = batch + pending
            logger.error("audit: could not store \(batch.count) records; will retry (\(type(of: error)))")
        }
    }

    var pendingCount: Int { pending.count }

    /// Stores a write's record inside the write's transaction.
    static func insert(_ entry: AuditEntry, on database: any Database) async throws {
        try await entry.model.create(on: database)
    }
}

extension Application {
    private struct AuditLogKey: StorageKey { typealias Value = AuditLog }

    var auditLog: AuditLog {
        get {
            guard let log = storage[AuditLogKey.self] else { fatalError("the audit log is set up in configure") }
            return log
        }
        set { storage[AuditLogKey.self] = newValue }
    }
}

extension Request {
    var audit: AuditLog { application.auditLog }

    /// Buffers a read record for the signed-in user.
    func auditRead(_ resourceType: String, id: String? = nil, patient: UUID?, action: AuditEntry.Action = .read,
                   detail: String? = nil) async {
        await audit.record(AuditEntry(user: auth.get(AuthenticatedUser.self), action: action, resourceType: resourceType,
                                      resourceID: id, patientID: patient, detail: detail))
    }

    /// The record of a write, for `AuditLog.insert` inside the write's transaction.
    func auditEntry(_ action: AuditEntry.Action, _ resourceType: String, id: UUID?, patient: UUID?, detail: String? = nil) -> AuditEntry {
        AuditEntry(user: auth.get(AuthenticatedUser.self), action: action, resourceType: resourceType,
                   resourceID: id?.uuidString, patientID: patient, detail: detail)
    }
}

/// Flushes the buffered audit records when the application shuts down cleanly.
struct AuditLogLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.auditLog.flush()
    }
}
