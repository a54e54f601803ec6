import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// The automatic daily backup of the SQLite database (PostgreSQL: `pg_dump` is the clinic's
/// job). One run: `VACUUM INTO` a new file in `TENDERPOINT_DATA_DIR/backups` (the same copy as
/// `tenderpoint backup`), then the copy is checked — SQLite's integrity check, and each main
/// table holds at least the rows the live database had just before the copy (these tables are
/// never deleted from) — then copies beyond the clinic's retention are removed, oldest first.
/// A copy that fails its check is deleted and the failure recorded; the last good one is kept.
enum DailyBackup {
    static let directoryName = "backups"
    static let filePrefix = "tenderpoint-"
    static let fileSuffix = ".sqlite"
    /// The tables whose rows are compared (clinical records, accounts, settings and the audit trail).
    static let mainTables = ["patients", "users", "conditions", "assessments", "consents", "vials", "treatment_sessions",
                             "injections", "adverse_events", "appointments", "diary_entries", "audit_events", "clinic_settings"]

    struct Copy: Sendable, Equatable {
        let file: URL
        let size: Int64
        /// Rows per main table in the copy.
        let rows: [String: Int]
        /// Older copies removed by the retention.
        let removed: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func directory(for databaseFile: URL) -> URL {
        databaseFile.deletingLastPathComponent().appendingPathComponent(directoryName, isDirectory: true)
    }

    /// "tenderpoint-20261205T020000Z.sqlite": UTC, so names sort in time order.
    static func fileName(at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return filePrefix + formatter.string(from: date) + fileSuffix
    }

    /// Takes, checks and keeps one copy; removes the oldest beyond `copies`.
    static func take(_ app: Application, now: Date, copies: Int) async throws -> Copy {
        guard let databaseFile = app.tenderpoint.sqliteFile else {
            throw Failure(description: "the database is PostgreSQL: back it up with pg_dump")
        }
        guard let database = app.db as? any SQLDatabase else { throw Failure(description: "the database does not speak SQL") }
        let files = FileManager.default
        let directory = directory(for: databaseFile)
        // Patient records: the folder and each copy readable by the server's user only.
        try files.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var destination = directory.appendingPathComponent(fileName(at: now))
        var suffix = 2
        while files.fileExists(atPath: destination.path) {
            destination = directory.appendingPathComponent(fileName(at: now).replacingOccurrences(of: fileSuffix, with: "-\(suffix)\(fileSuffix)"))
            suffix += 1
        }

        let before = try await rowCounts(database)
        let size = try await SQLiteBackup.backup(database, databaseFile: databaseFile, to: destination)
        try? files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: destination.path)
        let rows: [String: Int]
        do {
            rows = try await verify(destination, atLeast: before)
        } catch {
            try? files.removeItem(at: destination)
            throw error
        }
        let removed = try prune(directory, keeping: copies, newest: destination)
        return Copy(file: destination, size: size, rows: rows, removed: removed)
    }

    /// Rows per main table in the live database.
    static func rowCounts(_ database: any SQLDatabase) async throws -> [String: Int] {
        struct Count: Decodable { let n: Int }
        var counts: [String: Int] = [:]
        for table in mainTables {
            let row = try await database.raw("SELECT count(*) AS n FROM \(ident: table)").first(decoding: Count.self)
            counts[table] = row?.n ?? 0
        }
        return counts
    }

    /// Opens the copy on its own connection: integrity check "ok", and every main table with at
    /// least `before`'s rows. Returns the copy's counts.
    static func verify(_ file: URL, atLeast before: [String: Int]) async throws -> [String: Int] {
        let connection = try await SQLiteConnection.open(storage: .file(path: file.path))
        do {
            let integrity = try await connection.query("PRAGMA integrity_check")
            let verdict = integrity.compactMap { $0.column("integrity_check")?.string }
            guard verdict == ["ok"] else {
                throw Failure(description: "the copy failed SQLite's integrity check: \(verdict.prefix(3).joined(separator: "; "))")
            }
            var counts: [String: Int] = [:]
            for table in mainTables {
                let rows = try await connection.query("SELECT count(*) AS n FROM \"\(table)\"")
                let count = rows.first?.column("n")?.integer ?? -1
                guard count >= (before[table] ?? 0) else {
                    throw Failure(description: "the copy has \(count) rows in \(table), the database had \(before[table] ?? 0)")
                }
                counts[table] = count
            }
            try await connection.close()
            return counts
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The backup files in `directory`, newest first (their names sort in time order).
    static func copies(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix(filePrefix) && $0.hasSuffix(fileSuffix) }.sorted(by: >)
    }

    /// Removes the oldest copies so that `keeping` remain, never `newest` (the one just checked).
    static func prune(_ directory: URL, keeping: Int, newest: URL) throws -> [String] {
        let others = copies(in: directory).filter { $0 != newest.lastPathComponent }
        let excess = others.dropFirst(max(keeping - 1, 0))
        for name in excess {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
        return Array(excess)
    }
}
