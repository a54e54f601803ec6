import Fluent
import Vapor

/// Opening the database for a command that writes (`user create`, `demo`): the connection
/// settings `serve` uses, then any pending migrations, so such a command works on a new data
/// directory. Migration progress is logged at debug level: these commands print results that
/// scripts read, and the log shares standard output.
enum CommandDatabase {
    static func open(_ app: Application) async throws {
        try await prepareDatabase(app)
        let level = app.fluent.migrationLogLevel
        app.fluent.migrationLogLevel = .debug
        defer { app.fluent.migrationLogLevel = level }
        try await app.autoMigrate()
    }
}
