import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// Boots the application on `dataDirectory` (created if missing, migrated), runs `body` and
/// shuts it down, so the database is closed again afterwards — what a server start and stop does.
@discardableResult
func withApp<T>(dataDirectory: URL, _ body: (Application) async throws -> T) async throws -> T {
    var configuration = AppConfiguration(storage: .sqlite(dataDirectory: dataDirectory),
                                         clinicTimeZone: TimeZone(identifier: "Europe/London")!, logLevel: .warning)
    configuration.passwordCost = 4
    let app = try await Application.make(.testing)
    do {
        try await configure(app, with: configuration)
        try await prepareDatabase(app)
        try await app.autoMigrate()
        let result = try await body(app)
        await app.flushAudit()
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// A new empty temporary directory, removed by the caller.
func temporaryDirectory(_ name: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenderpoint-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}

/// Adds a patient straight to the database (the API's own tests cover creating them).
@discardableResult
func addPatient(_ given: String, _ family: String, on database: any Database) async throws -> UUID {
    let patient = PatientModel()
    patient.id = UUID()
    patient.givenName = given
    patient.familyName = family
    patient.birthDate = "1970-01-01"
    patient.sex = "female"
    patient.searchName = PatientModel.searchKey(given: given, family: family)
    try await patient.create(on: database)
    return try patient.requireID()
}

/// The patients' given names in a closed SQLite file, read with a plain connection.
func givenNames(inDatabaseFile file: URL) async throws -> [String] {
    let connection = try await SQLiteConnection.open(storage: .file(path: file.path))
    let rows = try await connection.query("SELECT given_name FROM patients ORDER BY given_name")
    try await connection.close()
    return rows.compactMap { $0.column("given_name")?.string }
}

@Suite struct CLIBackupTests {
    @Test func backupWhileTheAppIsOpenIsAWholeDatabaseWithEveryPatient() async throws {
        let scratch = try temporaryDirectory("backup")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withTestApp { app, configuration in
            for name in ["Ada", "Brenda", "Cyril"] { try await addPatient(name, "Lovelace", on: app.db) }
            let destination = scratch.appendingPathComponent("tenderpoint-backup.sqlite")
            let sql = try #require(app.db as? any SQLDatabase)
            let size = try await SQLiteBackup.backup(sql, databaseFile: try #require(configuration.sqliteFile), to: destination)

            #expect(size > 0)
            #expect(try FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? NSNumber == NSNumber(value: size))
            #expect(try await givenNames(inDatabaseFile: destination) == ["Ada", "Brenda", "Cyril"])
            // The copy stands alone: no write-ahead log beside it, and it passes its own check.
            #expect(!FileManager.default.fileExists(atPath: destination.path + "-wal"))
            try await SQLiteRestore.check(destination, named: "the backup")

            // The app goes on working with its own database.
            try await addPatient("Dora", "Lovelace", on: app.db)
            #expect(try await PatientModel.query(on: app.db).count() == 4)
            #expect(try await givenNames(inDatabaseFile: destination).count == 3)
        }
    }

    @Test func backupNeverOverwritesAFile() async throws {
        let scratch = try temporaryDirectory("backup-exists")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withTestApp { app, configuration in
            let destination = scratch.appendingPathComponent("existing.sqlite")
            try Data("precious".utf8).write(to: destination)
            let sql = try #require(app.db as? any SQLDatabase)
            let failure = await #expect(throws: CommandFailure.self) {
                try await SQLiteBackup.backup(sql, databaseFile: try #require(configuration.sqliteFile), to: destination)
            }
            #expect(failure?.exitCode == 2)
            #expect(failure?.message.contains("exists") == true)
            #expect(try Data(contentsOf: destination) == Data("precious".utf8))

            let missingDirectory = scratch.appendingPathComponent("no-such-directory/backup.sqlite")
            let second = await #expect(throws: CommandFailure.self) {
                try await SQLiteBackup.backup(sql, databaseFile: try #require(configuration.sqliteFile), to: missingDirectory)
            }
            #expect(second?.exitCode == 2)
        }
    }

    @Test func restoreBringsBackTheBackedUpState() async throws {
        let scratch = try temporaryDirectory("restore")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let backup = scratch.appendingPathComponent("monday.sqlite")
        let clinic = scratch.appendingPathComponent("data", isDirectory: true)
        let databaseFile = clinic.appendingPathComponent(AppConfiguration.databaseFileName)

        // Monday: two patients, backed up while the server runs. Tuesday: a third one.
        try await withApp(dataDirectory: clinic) { app in
            try await addPatient("Ada", "Lovelace", on: app.db)
            try await addPatient("Brenda", "Lovelace", on: app.db)
            _ = try await SQLiteBackup.backup(try #require(app.db as? any SQLDatabase), databaseFile: databaseFile, to: backup)
            try await addPatient("Tuesday", "Patient", on: app.db)
        }
        #expect(try await givenNames(inDatabaseFile: databaseFile) == ["Ada", "Brenda", "Tuesday"])

        // The server is stopped; restore Monday's backup.
        let size = try await SQLiteRestore.restore(from: backup, to: databaseFile)
        #expect(size > 0)
        for suffix in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: databaseFile.path + suffix))
        }
        // No temporary copy is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: clinic.path).filter { $0.contains("restore") }
        #expect(leftovers.isEmpty)

        // The server starts on Monday's records and works normally.
        try await withApp(dataDirectory: clinic) { app in
            let names = try await PatientModel.query(on: app.db).sort(\.$givenName).all().map(\.givenName)
            #expect(names == ["Ada", "Brenda"])
            try await addPatient("Wednesday", "Patient", on: app.db)
            #expect(try await PatientModel.query(on: app.db).count() == 3)
        }
    }

    @Test func restoreIntoANewDataDirectoryCreatesIt() async throws {
        let scratch = try temporaryDirectory("restore-new")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let backup = scratch.appendingPathComponent("backup.sqlite")
        try await withTestApp { app, configuration in
            try await addPatient("Ada", "Lovelace", on: app.db)
            _ = try await SQLiteBackup.backup(try #require(app.db as? any SQLDatabase),
                                              databaseFile: try #require(configuration.sqliteFile), to: backup)
        }
        let target = scratch.appendingPathComponent("new/data/\(AppConfiguration.databaseFileName)")
        _ = try await SQLiteRestore.restore(from: backup, to: target)
        #expect(try await givenNames(inDatabaseFile: target) == ["Ada"])
    }

    @Test func restoreRefusesADatabaseThatIsInUse() async throws {
        let scratch = try temporaryDirectory("restore-busy")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let backup = scratch.appendingPathComponent("backup.sqlite")
        try await withTestApp { app, configuration in
            let databaseFile = try #require(configuration.sqliteFile)
            try await addPatient("Ada", "Lovelace", on: app.db)
            _ = try await SQLiteBackup.backup(try #require(app.db as? any SQLDatabase), databaseFile: databaseFile, to: backup)
            try await addPatient("Brenda", "Lovelace", on: app.db)

            // The running app holds the database: a restore now would pull it from under it.
            let failure = await #expect(throws: CommandFailure.self) {
                try await SQLiteRestore.restore(from: backup, to: databaseFile)
            }
            #expect(failure?.exitCode == 1)
            #expect(failure?.message.contains("stop the server") == true)
            #expect(try await PatientModel.query(on: app.db).count() == 2)
        }
    }

    @Test func restoreRefusesWhatIsNotATenderpointDatabase() async throws {
        let scratch = try temporaryDirectory("restore-foreign")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let clinic = scratch.appendingPathComponent("data", isDirectory: true)
        let databaseFile = clinic.appendingPathComponent(AppConfiguration.databaseFileName)
        try await withApp(dataDirectory: clinic) { app in try await addPatient("Ada", "Lovelace", on: app.db) }

        let text = scratch.appendingPathComponent("notes.txt")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: text)
        let foreign = scratch.appendingPathComponent("other.sqlite")
        let connection = try await SQLiteConnection.open(storage: .file(path: foreign.path))
        _ = try await connection.query("CREATE TABLE recipes (name TEXT)")
        try await connection.close()
        let missing = scratch.appendingPathComponent("missing.sqlite")

        for (source, words) in [(text, "SQLite"), (foreign, "not a Tenderpoint"), (missing, "no backup file")] {
            let failure = await #expect(throws: CommandFailure.self) {
                try await SQLiteRestore.restore(from: source, to: databaseFile)
            }
            #expect(failure?.exitCode == 2, "\(source.lastPathComponent)")
            #expect(failure?.message.contains(words) == true, "\(failure?.message ?? "")")
        }
        // The clinic's database is untouched and nothing is left beside it.
        #expect(try await givenNames(inDatabaseFile: databaseFile) == ["Ada"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: clinic.path).filter { $0.contains("restore") }.isEmpty)
    }

    @Test func sizesAreShownInBytesAndMegabytes() {
        #expect(SQLiteBackup.describe(size: 1_234_567) == "1234567 bytes (1.23 MB)")
        #expect(SQLiteBackup.describe(size: 52_400_000) == "52400000 bytes (52.4 MB)")
    }
}
