import Foundation
import Vapor

/// Where sign-ins do their bcrypt work: a thread pool of its own, apart from the application's
/// blocking pool (which SQLite's connections use) and the event loops, with a bounded number of
/// hashes at once and a bounded queue. Beyond the queue a sign-in is refused at once with `429`
/// and `Retry-After` (`tooBusy`), before any database work, so a flood of anonymous sign-ins
/// costs the clinic at most `threads` cores of bcrypt and cannot slow a signed-in clinician's
/// reads. The pool's threads also run at a lower scheduling priority (Linux: nice 10), so the
/// request threads win the CPU whenever both want it.
final class PasswordWork: Sendable {
    /// Hashes running at once (the pool's threads).
    let threads: Int
    /// Sign-ins waiting for a thread, beyond which `admit` refuses.
    let queueLimit: Int
    /// Seconds a refused client is told to wait.
    let retryAfterSeconds: Int
    /// bcrypt cost of the stand-in hash checked for unknown and deactivated accounts.
    let cost: Int
    /// How long a refused sign-in is held before its 429 (a tarpit): a client that does not
    /// wait for `Retry-After` still sends at most one sign-in per this time per connection, so
    /// refusing a flood stays cheap too.
    let refusalDelay: Duration
    private let pool: NIOThreadPool
    private let state = Counter()

    /// The defaults: as many hashes as there are cores, at most 2, and 16 waiting.
    convenience init(cost: Int) {
        self.init(cost: cost, threads: min(2, max(1, System.coreCount)), queueLimit: 16, retryAfterSeconds: 1, refusalDelay: .seconds(1))
    }

    init(cost: Int, threads: Int, queueLimit: Int, retryAfterSeconds: Int, refusalDelay: Duration = .zero) {
        self.cost = cost
        self.refusalDelay = refusalDelay
        self.threads = max(1, threads)
        self.queueLimit = max(0, queueLimit)
        self.retryAfterSeconds = max(1, retryAfterSeconds)
        pool = NIOThreadPool(numberOfThreads: self.threads)
        pool.start()
    }

    func shutdown() async throws { try await pool.shutdownGracefully() }

    /// A place among the sign-ins being checked; give it back with `release` (once).
    struct Admission: Sendable {
        fileprivate let work: PasswordWork
        func release() { work.state.leave() }
    }

    /// Takes a place if fewer than `threads + queueLimit` sign-ins are being checked; else 429.
    /// Refusals are counted, not audited one by one, and `logger` hears of them at most once a minute.
    func admit(logger: Logger? = nil) throws -> Admission {
        guard state.enter(limit: threads + queueLimit) else {
            if let report = state.refuse(now: Date()) {
                logger?.warning("sign-ins refused with 429: \(report) since the last report (the password hash queue was full)")
            }
            throw tooBusy
        }
        return Admission(work: self)
    }

    /// Sign-ins refused with 429 so far.
    var refusals: Int { state.refusals }

    /// Sign-ins being checked or waiting (for tests and the benchmark).
    var load: Int { state.value }

    /// bcrypt verifications done so far (for tests: every refusal costs exactly one).
    var verifications: Int { state.verified }

    var tooBusy: APIError {
        var error = APIError(.tooManyRequests, code: "too_many_sign_ins",
                             message: "Too many sign-ins at once: try again in \(retryAfterSeconds) second\(retryAfterSeconds == 1 ? "" : "s").")
        error.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfterSeconds))
        return error
    }

    /// Checks a password against a stored bcrypt hash, or (`hash == nil`: no usable account)
    /// against a stand-in hash of the same cost, so that the work and its time are alike.
    func verify(_ password: String, against hash: String?) async throws -> Bool {
        let cost = self.cost
        let dummy = state
        return try await pool.runIfActive {
            Self.lowerPriority()
            dummy.countVerification()
            if let hash { return (try? Bcrypt.verify(password, created: hash)) ?? false }
            let standIn = try dummy.standIn { try Bcrypt.hash("tenderpoint stand-in password", cost: cost) }
            _ = try? Bcrypt.verify(password, created: standIn)
            return false
        }
    }

    /// A new bcrypt hash on the pool (the same cost as the application's hasher).
    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await pool.runIfActive {
            Self.lowerPriority()
            return try Bcrypt.hash(password, cost: cost)
        }
    }

    /// Linux keeps a nice value per thread: `setpriority(PRIO_PROCESS, 0, …)` sets the calling one's.
    private static func lowerPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private var dummyHash: String?
        private var verifications = 0

        var value: Int { lock.withLock { count } }
        var verified: Int { lock.withLock { verifications } }

        func countVerification() { lock.withLock { verifications += 1 } }

        private(set) var refusalCount = 0
        private var unreported = 0
        private var reportedAt = Date.distantPast
        var refusals: Int { lock.withLock { refusalCount } }

        /// Counts a refusal; returns how many to report when a minute has passed since the last report.
        func refuse(now: Date) -> Int? {
            lock.withLock {
                refusalCount += 1
                unreported += 1
                guard now.timeIntervalSince(reportedAt) >= 60 else { return nil }
                defer { unreported = 0; reportedAt = now }
                return unreported
            }
        }

        func enter(limit: Int) -> Bool {
            lock.withLock {
                guard count < limit else { return false }
                count += 1
                return true
            }
        }

        func leave() { lock.withLock { count = max(0, count - 1) } }

        func standIn(_ make: () throws -> String) throws -> String {
            if let existing = lock.withLock({ dummyHash }) { return existing }
            let made = try make()
            return lock.withLock {
                if let existing = dummyHash { return existing }
                dummyHash = made
                return made
            }
        }
    }
}

extension Application {
    private struct PasswordWorkKey: StorageKey { typealias Value = PasswordWork }

    /// The sign-ins' bcrypt pool; `usePasswordWork` sets it up (configure does, with the defaults).
    var passwordWork: PasswordWork {
        guard let work = storage[PasswordWorkKey.self] else { fatalError("usePasswordWork has not run") }
        return work
    }

    /// Installs the pool (replacing and stopping any earlier one); it stops with the application.
    func usePasswordWork(_ work: PasswordWork) async {
        if storage[PasswordWorkKey.self] != nil { await storage.setWithAsyncShutdown(PasswordWorkKey.self, to: nil) }
        await storage.setWithAsyncShutdown(PasswordWorkKey.self, to: work) { try await $0.shutdown() }
    }
}
