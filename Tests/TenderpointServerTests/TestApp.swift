import Foundation
import TenderpointServer
import Vapor
import VaporTesting

/// Boots the application against its own temporary SQLite directory (or, when
/// `TENDERPOINT_TEST_DATABASE_URL` is given and `postgres` is asked for, a real PostgreSQL server),
/// migrates it, runs the test and removes the directory.
func withTestApp<T>(
    postgres: Bool = false,
    _ test: (Application, AppConfiguration) async throws -> T
) async throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("tenderpoint-test-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let storage: AppConfiguration.Storage
    if postgres, let url = TestDatabase.postgresURL {
        storage = .postgres(url: url)
    } else {
        storage = .sqlite(dataDirectory: directory.appendingPathComponent("data", isDirectory: true))
    }
    let configuration = AppConfiguration(storage: storage, clinicTimeZone: TimeZone(identifier: "Europe/London")!, logLevel: .warning)
    return try await withApp(configure: { app in
        try await configure(app, with: configuration)
        try await prepareDatabase(app)
        try await app.autoMigrate()
    }) { app in
        try await test(app, configuration)
    }
}

enum TestDatabase {
    /// A PostgreSQL server for the tests that need one; `scripts/test` starts one and sets this.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TENDERPOINT_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
