import Fluent
import Vapor

/// Installs Tenderpoint's commands beside Vapor's own. `migrate` replaces Fluent's, which asks
/// for confirmation on a terminal that scripts and CI do not have.
public func registerCommands(_ app: Application) {
    app.asyncCommands.use(ApplyMigrationsCommand(), as: "migrate")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(ReportCommand(), as: "report")
}

/// Work that must happen before a command runs: `serve` (also the default when no command is
/// given) applies the database settings and pending migrations before it listens, and with
/// `--demo` fills an empty database with the demo clinic. Other commands open the database
/// themselves when they need it; `restore` must find it closed (`TenderpointCommandLine`).
/// `arguments` are the original ones, `--demo` included.
public func prepare(_ app: Application, forArguments arguments: [String]) async throws {
    if TenderpointCommandLine.command(in: arguments) == "serve", !TenderpointCommandLine.wantsHelp(arguments) {
        try await prepareDatabase(app)
        try await app.autoMigrate()
        if TenderpointCommandLine.wantsDemo(arguments) {
            _ = try await DemoClinic.fillIfEmpty(app)
        }
        app.lifecycle.use(PopulationBenefitWarmUp())
        // On an empty database: the one-time link that creates the first admin (printed once listening).
        try await FirstStart.prepare(app)
        // The daily online backup (SQLite), one instance at a time.
        app.lifecycle.use(BackupScheduler())
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
