import Foundation
import Vapor

/// `tenderpoint restore PATH`: replaces the SQLite database with a backup made by `backup`.
/// Stop the server first; the application never opens its own database for this command
/// (see `TenderpointCommandLine.needsDatabase`).
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "A backup file made by `tenderpoint backup`.")
        var path: String
    }

    var help: String { "Replaces the SQLite database with the backup at PATH (stop the server first)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let databaseFile = context.application.tenderpoint.sqliteFile else {
            throw CommandFailure.badInput("the database is PostgreSQL (DATABASE_URL): restore it with pg_restore, e.g. pg_restore --clean --dbname=\"$DATABASE_URL\" tenderpoint.dump")
        }
        let source = URL(fileURLWithPath: signature.path).standardizedFileURL
        let size = try await SQLiteRestore.restore(from: source, to: databaseFile)
        context.console.print("restored \(source.path) into \(databaseFile.path): \(SQLiteBackup.describe(size: size))")
    }
}
