import Fluent
import Vapor

/// Installs Tenderpoint's commands beside Vapor's own. `migrate` replaces Fluent's, which asks
/// for confirmation on a terminal that scripts and CI do not have.
public func registerCommands(_ app: Application) {
    app.asyncCommands.use(ApplyMigrationsCommand(), as: "migrate")
}

/// Work that must happen before a command runs: `serve` (also the default when no command is
/// given) applies the database settings and pending migrations before it listens.
public func prepare(_ app: Application, forArguments arguments: [String]) async throws {
    let command = arguments.dropFirst().first ?? "serve"
    if command == "serve" || command.hasPrefix("-") {
        try await prepareDatabase(app)
        try await app.autoMigrate()
    }
}

struct ApplyMigrationsCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Applies pending database migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        try await app.autoMigrate()
        context.console.print("migrations applied (\(app.tenderpoint.storage.name))")
    }
}
