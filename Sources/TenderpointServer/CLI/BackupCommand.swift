import Foundation
import SQLKit
import Vapor

/// `tenderpoint backup PATH`: a consistent copy of the SQLite database, safe while the server
/// runs. PostgreSQL has its own tools for this.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "The new backup file (must not exist yet).")
        var path: String
    }

    var help: String { "Writes a consistent copy of the SQLite database to PATH while the server may be running." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let databaseFile = app.tenderpoint.sqliteFile else {
            throw CommandFailure.badInput("the database is PostgreSQL (DATABASE_URL): back it up with pg_dump, e.g. pg_dump --format=custom --file=tenderpoint.dump \"$DATABASE_URL\"")
        }
        let destination = URL(fileURLWithPath: signature.path).standardizedFileURL
        // Checked before the database is opened, so a mistyped data directory is not created.
        guard FileManager.default.fileExists(atPath: databaseFile.path) else {
            throw CommandFailure("there is no database at \(databaseFile.path) to back up (check TENDERPOINT_DATA_DIR)")
        }
        // The server's connection settings, so a moment's lock is waited for a few seconds, not for ever.
        try await prepareDatabase(app)
        guard let database = app.db as? any SQLDatabase else { throw CommandFailure("the database does not speak SQL") }
        let size = try await SQLiteBackup.backup(database, databaseFile: databaseFile, to: destination)
        context.console.print("backup written to \(destination.path): \(SQLiteBackup.describe(size: size))")
    }
}
