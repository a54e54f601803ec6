import Foundation
import Testing
@testable import TenderpointServer

@Suite struct AppConfigurationTests {
    @Test func defaultsAreTheEmbeddedDatabaseInDataAndLondon() throws {
        let configuration = try AppConfiguration.fromEnvironment([:])
        let expected = URL(fileURLWithPath: "./data", isDirectory: true).standardizedFileURL
        #expect(configuration.storage == .sqlite(dataDirectory: expected))
        #expect(configuration.clinicTimeZone.identifier == "Europe/London")
        #expect(configuration.logLevel == .info)
        #expect(configuration.sqliteFile?.lastPathComponent == "tenderpoint.sqlite")
    }

    @Test func dataDirectoryComesFromTheEnvironment() throws {
        let configuration = try AppConfiguration.fromEnvironment(["TENDERPOINT_DATA_DIR": "/tmp/clinic"])
        #expect(configuration.sqliteFile?.path == "/tmp/clinic/tenderpoint.sqlite")
    }

    @Test func databaseURLSelectsPostgreSQL() throws {
        let configuration = try AppConfiguration.fromEnvironment([
            "DATABASE_URL": "postgres://tp:secret@127.0.0.1:5432/tenderpoint",
            "TENDERPOINT_DATA_DIR": "/tmp/ignored",
        ])
        #expect(configuration.storage == .postgres(url: "postgres://tp:secret@127.0.0.1:5432/tenderpoint"))
        #expect(configuration.storage.name == "postgres")
        #expect(configuration.sqliteFile == nil)
    }

    @Test func aDatabaseURLThatIsNotPostgreSQLIsRefusedByName() {
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration.fromEnvironment(["DATABASE_URL": "mysql://localhost/tenderpoint"])
        }
        do {
            _ = try AppConfiguration.fromEnvironment(["DATABASE_URL": "mysql://localhost/tenderpoint"])
        } catch let error as ConfigurationError {
            #expect(error.variable == "DATABASE_URL")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func clinicTimeZoneMustBeAnIANAZone() throws {
        #expect(try AppConfiguration.fromEnvironment(["CLINIC_TIMEZONE": "America/New_York"]).clinicTimeZone.identifier == "America/New_York")
        do {
            _ = try AppConfiguration.fromEnvironment(["CLINIC_TIMEZONE": "Mars/Olympus"])
            Issue.record("an unknown time zone was accepted")
        } catch let error as ConfigurationError {
            #expect(error.variable == "CLINIC_TIMEZONE")
        }
    }

    @Test func logLevelIsValidated() throws {
        #expect(try AppConfiguration.fromEnvironment(["LOG_LEVEL": "DEBUG"]).logLevel == .debug)
        #expect(throws: ConfigurationError.self) { try AppConfiguration.fromEnvironment(["LOG_LEVEL": "loud"]) }
    }
}
