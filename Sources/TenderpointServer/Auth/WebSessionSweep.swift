import Fluent
import Foundation
import Vapor

/// Keeps `web_sessions` to the sessions that can still be used: at start-up and then every
/// `interval` it removes sessions past their end, and anonymous sessions (made only to carry
/// the sign-in form's CSRF token, never signed in) older than `anonymousLifetime`. A signed-in
/// session before its end is never touched, nor a sign-in form opened recently. Every instance
/// behind a load balancer sweeps on its own; the deletes are idempotent.
struct WebSessionSweep: LifecycleHandler {
    static let interval: Duration = .seconds(3600)
    /// Long enough to fill in the sign-in form after a coffee; after it the form says it expired.
    static let anonymousLifetime: TimeInterval = 3 * 3600

    struct Removed: Sendable, Equatable {
        var expired = 0
        var anonymous = 0
    }

    /// Removes what has ended by `now`, in one write transaction.
    @discardableResult
    static func sweep(on database: any Database, now: Date = Date()) async throws -> Removed {
        try await database.writeTransaction { transaction in
            var removed = Removed()
            let expired = WebSessionRecord.query(on: transaction).filter(\.$expiresAt <= now)
            removed.expired = try await expired.count()
            try await expired.delete()
            let anonymous = WebSessionRecord.query(on: transaction).filter(\.$userID == nil)
                .filter(\.$createdAt < now.addingTimeInterval(-anonymousLifetime))
            removed.anonymous = try await anonymous.count()
            try await anonymous.delete()
            return removed
        }
    }

    private struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }

    /// Only the server sweeps: other commands (`user create`, `demo`) start and stop at once,
    /// and may run before the database has its tables.
    func didBootAsync(_ application: Application) async throws {
        guard TenderpointCommandLine.command(in: application.environment.arguments) == "serve" else { return }
        await Self.sweepLogging(application)
        application.storage[TaskKey.self] = Task.detached { [weak application] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                guard !Task.isCancelled, let application else { return }
                await Self.sweepLogging(application)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        application.storage[TaskKey.self]?.cancel()
        application.storage[TaskKey.self] = nil
    }

    /// A failed sweep is retried at the next one; the log names only counts and the error's type.
    private static func sweepLogging(_ application: Application) async {
        do {
            let removed = try await sweep(on: application.db)
            if removed.expired + removed.anonymous > 0 {
                application.logger.info("web sessions swept: \(removed.expired) expired, \(removed.anonymous) anonymous")
            }
        } catch {
            application.logger.warning("web session sweep failed: \(type(of: error))")
        }
    }
}
