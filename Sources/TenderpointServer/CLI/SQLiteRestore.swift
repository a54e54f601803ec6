import FluentSQLiteDriver
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tenderpoint restore PATH` on SQLite: replaces the data directory's database with a backup.
///
/// The backup is first copied beside the database and checked there (SQLite's integrity check,
/// and Fluent's migrations table, which every Tenderpoint database has), so neither a damaged
/// file nor some other program's database replaces the clinic's records. Then the old database's
/// `-wal` and `-shm` files are removed (a stale write-ahead log must never be replayed into
/// the restored file) and the copy is renamed over the database: a rename is atomic, so the
/// database is always either the old one or the restored one, never half of each.
///
/// The server must be stopped first. A restore refuses a database that another connection
/// holds open (it tries to take SQLite's exclusive lock without waiting).
enum SQLiteRestore {
    static let migrationsTable = "_fluent_migrations"

    /// Returns the restored database's size in bytes.
    static func restore(from source: URL, to databaseFile: URL) async throws -> Int64 {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CommandFailure.badInput("there is no backup file at \(source.path)")
        }
        let directory = databaseFile.deletingLastPathComponent()
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        if files.fileExists(atPath: databaseFile.path) {
            try await ensureNotInUse(databaseFile)
        }

        let temporary = directory.appendingPathComponent(".\(databaseFile.lastPathComponent).restore-\(UUID().uuidString)")
        defer { removeDatabaseFiles(temporary) }
        try files.copyItem(at: source, to: temporary)
        try await check(temporary, named: source.path)
        try synchronize(temporary)

        removeSidecars(of: databaseFile)
        guard rename(temporary.path, databaseFile.path) == 0 else {
            throw CommandFailure("could not move the restored database into place: \(String(cString: strerror(errno)))")
        }
        try? synchronize(directory)
        let attributes = try files.attributesOfItem(atPath: databaseFile.path)
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Throws bad input unless `file` is a sound SQLite database that Tenderpoint made.
    static func check(_ file: URL, named name: String) async throws {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: file.path))
        } catch {
            throw CommandFailure.badInput("\(name) cannot be opened as an SQLite database")
        }
        do {
            let integrity = try await connection.query("PRAGMA integrity_check")
            let verdict = integrity.compactMap { $0.column("integrity_check")?.string }
            guard verdict == ["ok"] else {
                throw CommandFailure.badInput("\(name) is damaged: SQLite's integrity check says \(verdict.prefix(3).joined(separator: "; "))")
            }
            let tables = try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                    [.text(migrationsTable)])
            guard !tables.isEmpty else {
                throw CommandFailure.badInput("\(name) is an SQLite database but not a Tenderpoint one (it has no \(migrationsTable) table)")
            }
        } catch let failure as CommandFailure {
            try? await connection.close()
            throw failure
        } catch {
            try? await connection.close()
            throw CommandFailure.badInput("\(name) is not a usable SQLite database (\(error))")
        }
        try await connection.close()
    }

    /// Refuses while any other connection (a running server) has the database open: in
    /// exclusive locking mode SQLite must lock the whole file, which fails at once when another
    /// connection holds even a read lock on it.
    static func ensureNotInUse(_ databaseFile: URL) async throws {
        guard let connection = try? await SQLiteConnection.open(storage: .file(path: databaseFile.path)) else { return }
        var busy = false
        do {
            // SQLiteNIO's own busy handler waits for ever; a short timeout replaces it.
            _ = try await connection.query("PRAGMA busy_timeout = 200")
            _ = try await connection.query("PRAGMA locking_mode = EXCLUSIVE")
            _ = try await connection.query("BEGIN EXCLUSIVE")
            _ = try await connection.query("COMMIT")
        } catch let error as SQLiteError where [.busy, .locked].contains(error.reason) || error.message.contains("locked") {
            busy = true
        } catch {
            // A damaged or foreign file is about to be replaced anyway.
        }
        try? await connection.close()
        if busy {
            throw CommandFailure("\(databaseFile.path) is in use (is the server running?): stop the server, then restore")
        }
    }

    static func removeSidecars(of databaseFile: URL) {
        for suffix in ["-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: databaseFile.path + suffix)
        }
    }

    private static func removeDatabaseFiles(_ file: URL) {
        try? FileManager.default.removeItem(at: file)
        removeSidecars(of: file)
    }

    /// Flushes a file (or a directory's entries) to the disk, so a power cut after the restore
    /// does not bring back the old database or an empty one.
    private static func synchronize(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw CommandFailure("could not open \(url.path) to flush it") }
        defer { close(descriptor) }
        _ = fsync(descriptor)
    }
}
