import Foundation
import SQLKit
import Testing
@testable import TenderpointServer
import VaporTesting

@Suite struct HealthTests {
    struct Health: Decodable, Equatable {
        let status: String
        let database: String
    }

    @Test func healthAnswersOnSQLite() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "health") { (response: TestingHTTPResponse) in
                #expect(response.status == .ok)
                let body = try response.content.decode(Health.self)
                #expect(body == Health(status: "ok", database: "sqlite"))
            }
        }
    }

    @Test func sqliteFileIsCreatedInTheDataDirectoryWithItsSettings() async throws {
        try await withTestApp { app, configuration in
            let file = try #require(configuration.sqliteFile)
            #expect(FileManager.default.fileExists(atPath: file.path))
            let settings = try await SQLiteSettings.current(on: app.db)
            #expect(settings["journal_mode"] == "wal")
            #expect(settings["synchronous"] == "2")  // FULL
            #expect(settings["foreign_keys"] == "1")
        }
    }

    @Test func migrationsCreateTheirTables() async throws {
        try await withTestApp { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            let rows = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'clinic_settings'").all()
            #expect(rows.count == 1)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil, "needs TENDERPOINT_TEST_DATABASE_URL (scripts/test starts PostgreSQL)"))
    func healthAnswersOnPostgreSQL() async throws {
        try await withTestApp(postgres: true) { app, _ in
            try await app.testing().test(.GET, "health") { (response: TestingHTTPResponse) in
                #expect(response.status == .ok)
                let body = try response.content.decode(Health.self)
                #expect(body == Health(status: "ok", database: "postgres"))
            }
        }
    }
}
