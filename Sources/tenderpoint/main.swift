import Foundation
import TenderpointServer
import Vapor

// Boots the application and runs one command (`serve` when none is given).
let configuration: AppConfiguration
do {
    configuration = try AppConfiguration.fromEnvironment()
} catch {
    FileHandle.standardError.write(Data("tenderpoint: \(error)\n".utf8))
    exit(2)
}

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
// `tenderpoint help user` is `tenderpoint user --help`; help opens no database (nothing is written).
let arguments = TenderpointCommandLine.rewritingHelp(environment.arguments)
let app = try await Application.make(environment)
// `serve --demo` is ours: Vapor's `serve` would refuse the unknown flag.
app.environment.arguments = TenderpointCommandLine.removingDemoFlag(arguments)
do {
    if TenderpointCommandLine.needsDatabase(arguments) {
        try await configure(app, with: configuration)
    } else {
        // `restore` replaces the database file, so the application must not open it.
        app.tenderpoint = configuration
    }
    registerCommands(app)
    try await prepare(app, forArguments: arguments)
    // Not `execute()`: it also logs a failed command's error on standard output, where scripts
    // read a command's result. Errors are reported once, below, on standard error.
    try await app.startup()
    FirstStart.announce(app)
    try await app.running?.onStop.get()
} catch {
    // One line on standard error; exit 2 for bad input (an unknown role, a taken username), 1 otherwise.
    let failure = CommandFailure.from(error)
    FileHandle.standardError.write(Data("tenderpoint: \(failure.message)\n".utf8))
    try? await app.asyncShutdown()
    exit(failure.exitCode)
}
try await app.asyncShutdown()
