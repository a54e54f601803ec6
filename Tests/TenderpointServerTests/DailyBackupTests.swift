import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// The daily backup, one run at a time with an injected clock: the copy, its check, the
/// retention, the lease and the admin page.
@Suite struct DailyBackupTests {
    static func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    static func putBackups(_ app: Application, _ headers: HTTPHeaders, _ body: String) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.PUT, "api/settings/backups", headers: headers, beforeRequest: { request in
            request.headers.contentType = .json
            request.body = ByteBuffer(string: body)
        }, afterResponse: { response in
            result = (response.status, String(buffer: response.body))
        })
        return result
    }

    @Test func aRunCopiesChecksKeepsTheNewestAndRecordsTheLastGoodOne() async throws {
        try await withTestApp { app, configuration in
            let admin = try await app.signIn(.admin, username: "boss")
            _ = try await WebFixture.patient(app)
            _ = try await WebFixture.patient(app, given: "Grace", family: "Hopper")
            let (status, body) = try await Self.putBackups(app, admin.headers, #"{"time":"02:00","copies":2}"#)
            #expect(status == .ok, "\(body)")
            #expect(body.contains(#""copies":2"#))

            let databaseFile = try #require(configuration.sqliteFile)
            let directory = DailyBackup.directory(for: databaseFile)
            #expect(directory.path == databaseFile.deletingLastPathComponent().path + "/backups")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for day in ["01", "02", "03"] {
                try Data("old copy".utf8).write(to: directory.appendingPathComponent("tenderpoint-202612\(day)T020000Z.sqlite"))
            }
            try Data("someone's notes".utf8).write(to: directory.appendingPathComponent("notes.txt"))

            // 5 December, 02:00:30 in London (GMT in winter): the first run.
            let first = try await BackupScheduler.runIfDue(app, now: Self.instant("2026-12-05T02:00:30Z"), holder: "a")
            guard case .backedUp(let copy) = first else { Issue.record("no backup: \(first)"); return }
            #expect(copy.file.lastPathComponent == "tenderpoint-20261205T020030Z.sqlite")
            #expect(copy.rows["patients"] == 2)
            #expect(copy.rows["users"] == 1)
            #expect(copy.removed.sorted() == ["tenderpoint-20261201T020000Z.sqlite", "tenderpoint-20261202T020000Z.sqlite"])
            #expect(DailyBackup.copies(in: directory) == ["tenderpoint-20261205T020030Z.sqlite", "tenderpoint-20261203T020000Z.sqlite"])
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("notes.txt").path))
            // The copy is a sound Tenderpoint database with the live rows.
            try await SQLiteRestore.check(copy.file, named: copy.file.path)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: copy.file.path)[.size] as? NSNumber).int64Value
            #expect(copy.size == size)
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: copy.file.path)[.posixPermissions] as? NSNumber)
            #expect(mode.intValue & 0o077 == 0, "the copy is readable by others: \(String(mode.intValue, radix: 8))")
            #expect(size > 0)

            // The same scheduled time is not run twice, nor before the next day's 02:00.
            #expect(try await BackupScheduler.runIfDue(app, now: Self.instant("2026-12-05T02:01:30Z"), holder: "b") == .notDue)
            #expect(try await BackupScheduler.runIfDue(app, now: Self.instant("2026-12-06T01:59:59Z"), holder: "b") == .notDue)
            let second = try await BackupScheduler.runIfDue(app, now: Self.instant("2026-12-06T02:00:00Z"), holder: "b")
            guard case .backedUp(let next) = second else { Issue.record("no second backup: \(second)"); return }
            #expect(next.removed == ["tenderpoint-20261203T020000Z.sqlite"])
            #expect(DailyBackup.copies(in: directory) == ["tenderpoint-20261206T020000Z.sqlite", "tenderpoint-20261205T020030Z.sqlite"])

            let state = try #require(try await BackupStateModel.find(BackupStateModel.rowID, on: app.db))
            #expect(state.lastGoodAt == Self.instant("2026-12-06T02:00:00Z"))
            #expect(state.lastGoodFile == "tenderpoint-20261206T020000Z.sqlite")
            #expect(state.lastGoodSize == next.size)
            #expect(state.lastError == nil)
            #expect(state.leaseHolder == nil)

            // Another instance holds the lease: nothing; once it has lapsed, the run happens.
            state.leaseHolder = "other"
            state.leaseUntil = Self.instant("2026-12-07T02:30:00Z")
            try await state.save(on: app.db)
            #expect(try await BackupScheduler.runIfDue(app, now: Self.instant("2026-12-07T02:29:59Z"), holder: "b") == .notDue)
            let afterLease = try await BackupScheduler.runIfDue(app, now: Self.instant("2026-12-07T02:30:00Z"), holder: "b")
            guard case .backedUp = afterLease else { Issue.record("no backup after the lease: \(afterLease)"); return }
        }
    }

    @Test func theAdminPageShowsTheLastGoodBackupAndWarnsAfter36Hours() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "boss", .admin)
            let browser = WebBrowser(app)
            try await browser.signIn("boss")
            let none = try await browser.get("/admin")
            #expect(none.body.contains("No good backup has been taken yet."))
            #expect(none.body.contains("every day at 02:00 clinic time"))
            #expect(none.body.contains("the newest 14 are kept"))

            let state = try await BackupStateModel.load(on: app.db)
            state.lastGoodFile = "tenderpoint-20261205T020000Z.sqlite"
            state.lastGoodSize = 1_234_567
            // Just inside 36 hours: no warning.
            state.lastGoodAt = Date().addingTimeInterval(-36 * 3600 + 120)
            try await state.save(on: app.db)
            let fresh = try await browser.get("/admin")
            #expect(fresh.body.contains("Last good backup: "))
            #expect(fresh.body.contains("tenderpoint-20261205T020000Z.sqlite, 1234567 bytes (1.23 MB)"))
            #expect(!fresh.body.contains("Backups need attention"))

            state.lastGoodAt = Date().addingTimeInterval(-36 * 3600 - 120)
            state.lastError = "the copy failed SQLite's integrity check"
            try await state.save(on: app.db)
            let stale = try await browser.get("/admin")
            #expect(stale.body.contains("Backups need attention"))
            #expect(stale.body.contains("The last good backup is older than 36 hours."))
            #expect(stale.body.contains("The last attempt failed: the copy failed SQLite"))

            // A fixed instant in the clinic's time.
            #expect(AdminHomePage.View.clinicTime(Self.instant("2026-07-01T01:00:00Z"), timeZone: TimeZone(identifier: "Europe/London")!)
                    == "1 Jul 2026 at 02:00")
        }
    }

    @Test func aCopyThatDoesNotCheckOutIsRefused() async throws {
        try await withTestApp { app, configuration in
            _ = try await WebFixture.patient(app)
            let databaseFile = try #require(configuration.sqliteFile)
            let sql = try #require(app.db as? any SQLDatabase)
            let live = try await DailyBackup.rowCounts(sql)
            #expect(live["patients"] == 1)
            let copy = databaseFile.deletingLastPathComponent().appendingPathComponent("check.sqlite")
            _ = try await SQLiteBackup.backup(sql, databaseFile: databaseFile, to: copy)
            #expect(try await DailyBackup.verify(copy, atLeast: live)["patients"] == 1)
            var more = live
            more["patients"] = 2
            await #expect(throws: DailyBackup.Failure.self) { try await DailyBackup.verify(copy, atLeast: more) }

            let damaged = databaseFile.deletingLastPathComponent().appendingPathComponent("damaged.sqlite")
            var bytes = try Data(contentsOf: copy)
            for index in stride(from: 4096, to: min(bytes.count, 4096 * 6), by: 7) { bytes[index] = 0xA5 }
            try bytes.write(to: damaged)
            await #expect(throws: (any Error).self) { try await DailyBackup.verify(damaged, atLeast: live) }
        }
    }

    @Test func theSettingsAreAdminOnlyAndChecked() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let clinician = try await app.signIn(.clinician)
            #expect(try await Self.putBackups(app, clinician.headers, #"{"copies":3}"#).0 == .forbidden)
            for body in [#"{"time":"24:00"}"#, #"{"time":"2:00"}"#, #"{"time":"02:60"}"#, #"{"time":"0200"}"#,
                         #"{"copies":0}"#, #"{"copies":366}"#, #"{"copies":3.5}"#, #"{"copies":1e30}"#, "{}"] {
                let (status, text) = try await Self.putBackups(app, admin.headers, body)
                #expect(status == .unprocessableEntity, "\(body): \(text)")
            }
            var (status, text) = try await Self.putBackups(app, admin.headers, #"{"time":"23:59","copies":365}"#)
            #expect(status == .ok)
            #expect(text.contains(#""time":"23:59""#) && text.contains(#""copies":365"#))
            (status, text) = try await Self.putBackups(app, admin.headers, #"{"time":"00:00","copies":1}"#)
            #expect(status == .ok)
            #expect(text.contains(#""time":"00:00""#) && text.contains(#""copies":1"#) && text.contains(#""lastGood":null"#))
            #expect(try await BackupSettings.read(on: app.db) == BackupSettings(minuteOfDay: 0, copies: 1))
            #expect(try await WebFixture.auditCount(app, action: "update", resource: "ClinicSetting") == 2)
            try await app.testing().test(.GET, "api/settings/backups", headers: clinician.headers) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.GET, "api/settings/backups", headers: admin.headers) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""storage":"sqlite""#))
                #expect(String(buffer: response.body).contains(#""stale":true"#))
            }
        }
    }

    @Test func theScheduledTimeIsTheClinicsTime() {
        let london = TimeZone(identifier: "Europe/London")!
        let twoAM = BackupSettings()
        #expect(twoAM.mostRecentSlot(atOrBefore: Self.instant("2026-12-05T01:59:59Z"), timeZone: london) == Self.instant("2026-12-04T02:00:00Z"))
        #expect(twoAM.mostRecentSlot(atOrBefore: Self.instant("2026-12-05T02:00:00Z"), timeZone: london) == Self.instant("2026-12-05T02:00:00Z"))
        // Summer time: 02:00 in London is 01:00 UTC.
        #expect(twoAM.mostRecentSlot(atOrBefore: Self.instant("2026-07-01T00:59:59Z"), timeZone: london) == Self.instant("2026-06-30T01:00:00Z"))
        #expect(twoAM.mostRecentSlot(atOrBefore: Self.instant("2026-07-01T01:00:00Z"), timeZone: london) == Self.instant("2026-07-01T01:00:00Z"))
        #expect(BackupSettings.minute(of: "02:00") == 120)
        #expect(BackupSettings.minute(of: "23:59") == 1439)
        #expect(BackupSettings.minute(of: "00:00") == 0)
        #expect(BackupSettings.minute(of: "24:00") == nil)
        #expect(BackupSettings.minute(of: "-1:00") == nil)
        #expect(BackupSettings(minuteOfDay: 65, copies: 1).timeText == "01:05")
    }

    /// PostgreSQL: no copies from Tenderpoint; the admin page and the API say pg_dump is the clinic's job.
    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func onPostgreSQLThePageNamesPgDump() async throws {
        try await withTestApp(postgres: true) { app, _ in
            #expect(try await BackupScheduler.runIfDue(app, now: Self.instant("2026-12-05T02:00:30Z"), holder: "a") == .notDue)
            try await WebFixture.account(app, "boss", .admin)
            let browser = WebBrowser(app)
            try await browser.signIn("boss")
            let page = try await browser.get("/admin")
            #expect(page.body.contains("Backing it up with pg_dump is the clinic's job"))
            #expect(!page.body.contains("Backups need attention"))
            let admin = try await app.signIn(.admin)
            try await app.testing().test(.GET, "api/settings/backups", headers: admin.headers) { response in
                #expect(String(buffer: response.body).contains(#""storage":"postgres""#))
            }
        }
    }

    /// The admin page's form sets the same settings, with the API's checks, shown again when refused.
    @Test func theAdminPageFormSetsTheTimeAndCopies() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "boss", .admin)
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("boss")
            let home = try await browser.get("/admin")
            #expect(home.body.contains("<label for=\"backupTime\">Daily backup time</label>"))
            #expect(home.body.contains("<label for=\"backupCopies\">Copies kept</label>"))

            let refused = try await browser.post("/admin/backups", [("backupTime", "25:00"), ("backupCopies", "0")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Time must be a clinic time HH:MM from 00:00 to 23:59."))
            #expect(refused.body.contains("Copies must be a whole number from 1 to 365."))
            #expect(refused.body.contains("value=\"25:00\""))
            #expect(try await BackupSettings.read(on: app.db) == BackupSettings())

            let saved = try await browser.post("/admin/backups", [("backupTime", "03:15"), ("backupCopies", "30")])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/admin")
            #expect(try await BackupSettings.read(on: app.db) == BackupSettings(minuteOfDay: 195, copies: 30))
            #expect(try await browser.get("/admin").body.contains("every day at 03:15 clinic time"))

            let clinician = WebBrowser(app)
            try await clinician.signIn("clin")
            _ = try await clinician.get("/today")
            #expect(try await clinician.post("/admin/backups", [("backupTime", "04:00"), ("backupCopies", "2")]).status == .forbidden)
            #expect(try await BackupSettings.read(on: app.db) == BackupSettings(minuteOfDay: 195, copies: 30))
        }
    }
}
