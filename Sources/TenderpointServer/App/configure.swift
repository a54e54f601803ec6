import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = AppConfiguration }

    /// The configuration the application was started with.
    public var tenderpoint: AppConfiguration {
        get {
            guard let value = storage[ConfigurationKey.self] else { fatalError("configure(_:with:) has not run") }
            return value
        }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

/// Sets up the database, the migrations and the routes. Shared by the executable and the tests,
/// which pass their own configuration (a temporary data directory).
public func configure(_ app: Application, with configuration: AppConfiguration) async throws {
    app.tenderpoint = configuration
    app.logger.logLevel = configuration.logLevel

    switch configuration.storage {
    case .sqlite(let directory):
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(AppConfiguration.databaseFileName).path
        // SQL statements carry patient data in their bindings: never log them above debug.
        app.databases.use(.sqlite(.file(file), sqlLogLevel: .trace), as: .sqlite)
    case .postgres(let url):
        app.databases.use(try .postgres(url: url, sqlLogLevel: .trace), as: .psql)
    }

    Migrations.register(on: app)
    JSONCoding.install()
    // Bodies that are valid JSON but whose numbers do not fit their fields name the field (422).
    ContentConfiguration.global.use(decoder: APIJSONDecoder(base: JSONCoding.decoder()), for: .json)
    app.passwords.use(.bcrypt(cost: configuration.passwordCost))
    await app.usePasswordWork(PasswordWork(cost: configuration.passwordCost))
    app.auditLog = AuditLog(databases: app.databases, logger: app.logger)
    app.lifecycle.use(AuditLogLifecycle())
    app.lifecycle.use(WebSessionSweep())
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(APIErrorMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())
    try await routes(app)
}

/// Settings that must hold on every connection before the application serves a request.
/// Run by the commands that open the database (serve, migrate), not inside a migration:
/// SQLite ignores `journal_mode` inside a transaction.
public func prepareDatabase(_ app: Application) async throws {
    guard case .sqlite = app.tenderpoint.storage else { return }
    try await SQLiteSettings.apply(on: app)
}
