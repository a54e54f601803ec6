import Foundation
import Vapor

/// The exports of this server instance: running ones in memory, finished ones on disk
/// (`<root>/<job id>/job.json` beside the NDJSON files), so a status URL keeps working after the
/// job ends and after a restart. With several instances on PostgreSQL, a client polls the
/// instance that took its request (each keeps its files in its own temporary directory).
actor FHIRExportJobs {
    enum Status: Sendable {
        case running(progress: String)
        case complete(FHIRExportRecord)
        case failed(String)
        /// Deleted by its owner: the status URL is unknown again (404) and its files are gone (410).
        case cancelled
        case unknown
    }

    private struct Running {
        let owner: UUID
        var progress: String
        var task: Task<Void, Never>?
        var failure: String?
    }

    let root: URL
    private var running: [UUID: Running] = [:]
    private var cancelled: Set<UUID> = []

    init(root: URL) {
        self.root = root
    }

    func directory(_ id: UUID) -> URL {
        root.appendingPathComponent(id.uuidString, isDirectory: true)
    }

    /// Whether `owner` has an export still running (one at a time each).
    func isRunning(owner: UUID) -> Bool {
        running.values.contains { $0.owner == owner && $0.failure == nil }
    }

    /// Registers a job and starts `work` for it.
    func start(_ id: UUID, owner: UUID, work: @escaping @Sendable () async throws -> Void) throws {
        try FileManager.default.createDirectory(at: directory(id), withIntermediateDirectories: true)
        running[id] = Running(owner: owner, progress: "starting", task: nil)
        running[id]?.task = Task.detached { [weak self] in
            do {
                try await work()
                await self?.finished(id, failure: nil)
            } catch is CancellationError {
                await self?.finished(id, failure: nil)
            } catch {
                await self?.finished(id, failure: "The export stopped: \(type(of: error)).")
            }
        }
    }

    func progress(_ id: UUID, _ text: String) {
        running[id]?.progress = text
    }

    private func finished(_ id: UUID, failure: String?) {
        if let failure {
            running[id]?.failure = failure
            running[id]?.task = nil
        } else {
            running[id] = nil
        }
    }

    /// The job's status for `owner`; another user's job is unknown to them.
    func status(_ id: UUID, owner: UUID) -> Status {
        if cancelled.contains(id) { return .cancelled }
        if let job = running[id] {
            guard job.owner == owner else { return .unknown }
            return job.failure.map { .failed($0) } ?? .running(progress: job.progress)
        }
        guard let data = try? Data(contentsOf: directory(id).appendingPathComponent(FHIRExportRecord.fileName)),
              let record = try? JSONDecoder().decode(FHIRExportRecord.self, from: data), record.owner == owner else { return .unknown }
        return .complete(record)
    }

    /// Stops a running job or deletes a finished one, with its files. False when `owner` has no such job.
    func cancel(_ id: UUID, owner: UUID) async -> Bool {
        switch status(id, owner: owner) {
        case .unknown, .cancelled: return false
        default: break
        }
        if let task = running[id]?.task {
            task.cancel()
            await task.value
        }
        running[id] = nil
        cancelled.insert(id)
        try? FileManager.default.removeItem(at: directory(id))
        return true
    }

    /// Stops every running job (the server is shutting down); their partial files are removed.
    func cancelAll() async {
        for (id, job) in running {
            job.task?.cancel()
            await job.task?.value
            try? FileManager.default.removeItem(at: directory(id))
        }
        running = [:]
    }
}

extension Application {
    private struct FHIRExportJobsKey: StorageKey { typealias Value = FHIRExportJobs }

    /// Set up with the routes (`registerFHIR`): exports go under the data directory on SQLite,
    /// under a temporary directory on PostgreSQL.
    var fhirExports: FHIRExportJobs {
        get {
            guard let jobs = storage[FHIRExportJobsKey.self] else { fatalError("registerFHIR(_:) sets up the export jobs") }
            return jobs
        }
        set { storage[FHIRExportJobsKey.self] = newValue }
    }
}

/// Stops running exports when the application shuts down.
struct FHIRExportLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.fhirExports.cancelAll()
    }
}
