import FluentSQLiteDriver
import Foundation
import SQLKit

/// `tenderpoint backup PATH` on SQLite: `VACUUM INTO` writes a consistent copy from one read
/// transaction, so the server can keep running (in WAL mode readers do not block the writer,
/// and the writer does not disturb the copy). The copy is one self-contained file in rollback
/// journal mode, compacted, ready for `restore`.
enum SQLiteBackup {
    /// Writes the copy and returns its size in bytes. Refuses a destination that exists (a
    /// backup never overwrites anything) or whose directory does not.
    static func backup(_ database: any SQLDatabase, databaseFile: URL, to destination: URL) async throws -> Int64 {
        let files = FileManager.default
        guard files.fileExists(atPath: databaseFile.path) else {
            throw CommandFailure("there is no database at \(databaseFile.path) to back up")
        }
        guard !files.fileExists(atPath: destination.path) else {
            throw CommandFailure.badInput("\(destination.path) exists: a backup never overwrites a file; choose a new name")
        }
        var isDirectory: ObjCBool = false
        let directory = destination.deletingLastPathComponent()
        guard files.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure.badInput("the directory \(directory.path) does not exist")
        }
        // The file name is a bound value, not SQL text, so no quoting can go wrong.
        try await database.raw("VACUUM INTO \(bind: destination.path)").run()
        let attributes = try files.attributesOfItem(atPath: destination.path)
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// "1234567 bytes (1.2 MB)".
    static func describe(size: Int64) -> String {
        let megabytes = Double(size) / 1_000_000
        return "\(size) bytes (\(String(format: megabytes < 10 ? "%.2f" : "%.1f", megabytes)) MB)"
    }
}
