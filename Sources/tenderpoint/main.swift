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
let app = try await Application.make(environment)
do {
    try await configure(app, with: configuration)
    registerCommands(app)
    try await prepare(app, forArguments: environment.arguments)
    try await app.execute()
} catch {
    FileHandle.standardError.write(Data("tenderpoint: \(String(describing: error))\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
