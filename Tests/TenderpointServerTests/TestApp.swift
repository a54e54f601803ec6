import FluentPostgresDriver
import Foundation
import SQLKit
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Boots the application against its own temporary SQLite directory, or with `postgres: true`
/// against a fresh database on the PostgreSQL server named by `TENDERPOINT_TEST_DATABASE_URL`
/// (`scripts/test` starts one), migrates it, runs the test and removes the database.
@discardableResult
func withTestApp<T>(
    postgres: Bool = false,
    _ test: (Application, AppConfiguration) async throws -> T
) async throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("tenderpoint-test-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var databaseName: String?
    let storage: AppConfiguration.Storage
    if postgres {
        guard let base = TestDatabase.postgresURL else { throw TestDatabase.Unavailable() }
        let name = "tp_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await TestDatabase.administer(base, "CREATE DATABASE \(name)")
        databaseName = name
        storage = .postgres(url: TestDatabase.url(base, database: name))
    } else {
        storage = .sqlite(dataDirectory: directory.appendingPathComponent("data", isDirectory: true))
    }
    var configuration = AppConfiguration(storage: storage, clinicTimeZone: TimeZone(identifier: "Europe/London")!, logLevel: .warning)
    configuration.passwordCost = 4
    do {
        let result = try await withApp(configure: { app in
            try await configure(app, with: configuration)
            try await prepareDatabase(app)
            try await app.autoMigrate()
        }) { app in
            try await test(app, configuration)
        }
        if let databaseName, let base = TestDatabase.postgresURL {
            try? await TestDatabase.administer(base, "DROP DATABASE \(databaseName)")
        }
        return result
    } catch {
        if let databaseName, let base = TestDatabase.postgresURL {
            try? await TestDatabase.administer(base, "DROP DATABASE \(databaseName)")
        }
        throw error
    }
}

enum TestDatabase {
    struct Unavailable: Error {}

    /// A PostgreSQL server for the tests that need one; `scripts/test` starts one and sets this.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TENDERPOINT_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func url(_ base: String, database: String) -> String {
        var components = URLComponents(string: base)!
        components.path = "/" + database
        return components.string!
    }

    /// Runs one statement (CREATE/DROP DATABASE) on the base database.
    static func administer(_ base: String, _ statement: String) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(try .postgres(url: base), as: .psql)
            let sql = app.db as! any SQLDatabase
            try await sql.raw(SQLQueryString(statement)).run()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// Signs in through the API and returns the bearer header.
struct SignedIn {
    let token: String
    let userID: UUID
    var headers: HTTPHeaders { ["Authorization": "Bearer \(token)"] }
}

extension Application {
    /// Creates an account and signs it in through `POST /api/auth/token`.
    func signIn(_ role: Role, username: String? = nil, patientID: UUID? = nil) async throws -> SignedIn {
        let name = username ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8))".lowercased()
        let user = try await UserAccounts.create(username: name, password: "correct horse", role: role, displayName: nil,
                                                 patientID: patientID, hasher: password.async, on: db)
        var token = ""
        try await testing().test(.POST, "api/auth/token", beforeRequest: { request in
            try request.content.encode(["username": name, "password": "correct horse"])
        }, afterResponse: { response in
            guard response.status == .ok else { throw TestDatabase.Unavailable() }
            struct Token: Decodable { let token: String }
            token = try response.content.decode(Token.self).token
        })
        return SignedIn(token: token, userID: try user.requireID())
    }

    /// Flushes buffered audit records so a test can read them.
    func flushAudit() async { await auditLog.flush() }
}

/// The error body of the API contract.
struct ErrorBody: Decodable {
    struct Item: Decodable, Equatable {
        let code: String
        let message: String
        let field: String?
    }
    let error: Item
    let problems: [Item]?
    var all: [Item] { problems ?? [error] }
}
