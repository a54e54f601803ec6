/// A first-in, first-out async mutex for SQLite write transactions in this process.
///
/// SQLite admits one writer at a time. A second writer waiting inside SQLite's busy handler
/// blocks one of NIO's few blocking-pool threads (2 on a 2-core machine); with a few writers
/// waiting, the one holding the lock can no longer run and the waiters fail with "database is
/// locked". Queueing writers here, as suspended tasks that hold no thread, avoids that.
actor WriteLock {
    static let shared = WriteLock()

    /// Set while a task holds the lock, so a nested write transaction — which on SQLite would
    /// wait forever for its own outer transaction — is reported instead of hanging.
    @TaskLocal static var isHeld = false

    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    struct NestedWriteTransaction: Error, CustomStringConvertible {
        var description: String { "a write transaction was started inside another one" }
    }

    func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if WriteLock.isHeld { throw NestedWriteTransaction() }
        await acquire()
        do {
            let result = try await WriteLock.$isHeld.withValue(true) { try await body() }
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
