import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// The demo clinic: staff with documented logins, their working hours, a stock of vials, and
/// patients with a year of history each (`DemoPatientHistory`), deterministic from a seed —
/// the same seed on the same day gives the same clinic, ids included.
///
/// Built to scale (`demo --patients 50000`): patients are generated and written in chunks, each
/// chunk in one transaction of multi-row INSERTs, so memory stays flat and SQLite commits a
/// few hundred times rather than millions.
enum DemoClinic {
    static let defaultPatients = 30
    static let defaultSeed: UInt64 = 1
    static let maximumPatients = DemoNHSNumber.capacity
    /// Patients per transaction.
    static let chunkSize = 100

    struct Summary: Sendable, Equatable {
        var patients = 0
        var staff = 0
        var sessions = 0
        var diaryEntries = 0
        var appointments = 0
        /// Seconds spent making rows and writing them (for tuning large demos; they overlap).
        var generating: Double = 0
        var writing: Double = 0
    }

    /// Fills the database. Refuses (bad input) a database that already has patients, or an
    /// account with one of the demo's usernames. `today` is the clinic's date unless a test
    /// fixes it; `progress` hears (done, total) after each chunk.
    static func create(patients: Int = defaultPatients, seed: UInt64 = defaultSeed, app: Application,
                       today: CalendarDate? = nil,
                       progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> Summary {
        guard (1...maximumPatients).contains(patients) else {
            throw CommandFailure.badInput("--patients must be 1–\(maximumPatients), not \(patients)")
        }
        let database = app.db
        let existing = try await PatientModel.query(on: database).count()
        guard existing == 0 else {
            throw CommandFailure.badInput("the database already has \(existing) patient\(existing == 1 ? "" : "s"): the demo clinic only fills an empty database (point TENDERPOINT_DATA_DIR at a new directory)")
        }
        let zone = app.tenderpoint.clinicTimeZone
        let rules = try await ClinicSettingsStore.rules(on: database, timeZone: zone)
        let staff = DemoStaff(patients: patients, seed: seed)
        let taken = try await UserModel.query(on: database).filter(\.$username ~~ staff.members.map(\.username)).all().map(\.username)
        guard taken.isEmpty else {
            throw CommandFailure.badInput("the database already has the demo's account\(taken.count == 1 ? "" : "s") \(taken.sorted().joined(separator: ", ")): the demo clinic only fills an empty database")
        }
        let context = DemoContext(seed: seed, today: today ?? CalendarDate(Date(), in: zone), rules: rules, staff: staff)
        let hasher = app.password.async
        var summary = Summary(staff: staff.members.count)

        var staffBatch = try await staffRows(staff, context: context, hasher: hasher)
        addStock(to: &staffBatch, context: context)
        try await DemoWriter.write(staffBatch, on: database)

        var slots = DemoSlotBook(practitioners: staff.practitioners.count, calendar: context.calendar)
        progress?(0, patients)
        // Each chunk is written while the next one is made: the database works on its own
        // threads, so making rows and writing them overlap.
        var writing: Task<Double, any Error>?
        var written = 0
        for chunkStart in stride(from: 0, to: patients, by: chunkSize) {
            let started = Date()
            var batch = DemoBatch()
            for index in chunkStart..<min(chunkStart + chunkSize, patients) {
                let result = DemoPatientHistory.generate(index: index, context: context, slots: &slots, batch: &batch)
                summary.sessions += result.sessions
                if let account = result.account {
                    batch.add(.users, [
                        account.id, account.username, try await hasher.hash(account.password), Role.patient.rawValue,
                        account.displayName, account.patientID, 0, Date?.none, true, account.createdAt,
                    ])
                }
            }
            summary.patients += batch.count(.patients)
            summary.diaryEntries += batch.count(.diaryEntries)
            summary.appointments += batch.count(.appointments)
            summary.generating += Date().timeIntervalSince(started)
            if let previous = writing {
                summary.writing += try await previous.value
                progress?(written, patients)
            }
            let ready = batch
            writing = Task {
                let started = Date()
                try await DemoWriter.write(ready, on: database)
                return Date().timeIntervalSince(started)
            }
            written = min(chunkStart + chunkSize, patients)
        }
        if let last = writing {
            summary.writing += try await last.value
            progress?(written, patients)
        }
        try await DemoWriter.releaseCache(app)
        try await database.writeTransaction { transaction in
            try await AuditLog.insert(AuditEntry(user: nil, action: .create, resourceType: "DemoClinic",
                                                 detail: "command line: demo clinic with \(patients) patients, seed \(seed)"),
                                      on: transaction)
        }
        return summary
    }

    /// `serve --demo`: fills a database that has no patients and no accounts; leaves any other
    /// alone. Returns whether it filled it.
    static func fillIfEmpty(_ app: Application) async throws -> Bool {
        let patients = try await PatientModel.query(on: app.db).count()
        let users = try await UserModel.query(on: app.db).count()
        guard patients == 0, users == 0 else {
            app.logger.notice("--demo: the database already has records; it is left as it is")
            return false
        }
        let summary = try await create(app: app)
        app.logger.notice("--demo: filled the database with a demo clinic of \(summary.patients) patients (logins in the README)")
        return true
    }

    /// The staff accounts (bcrypt-hashed with the application's cost; the extra staff of a large
    /// demo share one hash of their common password) and their Monday–Friday 09:00–17:00.
    private static func staffRows(_ staff: DemoStaff, context: DemoContext, hasher: AsyncPasswordHasher) async throws -> DemoBatch {
        var batch = DemoBatch()
        var random = SplitMix64(seed: context.seed, stream: 0, purpose: 3)
        let createdAt = context.clock.instant(context.today.adding(days: -420), minute: 9 * 60)
        var shared: String?
        for member in staff.members {
            let hash: String
            if member.password == DemoStaff.additionalStaffPassword {
                if shared == nil { shared = try await hasher.hash(member.password) }
                hash = shared!
            } else {
                hash = try await hasher.hash(member.password)
            }
            batch.add(.users, [
                member.id, member.username, hash, member.role.rawValue, member.displayName, UUID?.none, 0, Date?.none, true,
                createdAt,
            ])
        }
        for member in staff.practitioners {
            for weekday in ClinicCalendar.mondayToFriday.sorted(by: { $0.order < $1.order }) {
                batch.add(.availability, [random.uuid(), member.id, weekday.rawValue, DemoSlotBook.workStart, DemoSlotBook.workEnd])
            }
        }
        return batch
    }

    /// Unopened vials of the current lots in the fridge, for charting today.
    private static func addStock(to batch: inout DemoBatch, context: DemoContext) {
        var random = SplitMix64(seed: context.seed, stream: 0, purpose: 4)
        let receivedAt = context.clock.instant(context.today.adding(days: -10), minute: 14 * 60)
        for (product, count) in [(ToxinProduct.onabotulinumtoxinA, 12), (.incobotulinumtoxinA, 6)] {
            let lot = DemoLots.lot(of: product, on: context.today)
            for number in 0..<count {
                batch.add(.vials, [
                    random.uuid(), product.rawValue, lot.number, lot.expiry.iso, (number % 4 == 3 ? Units(200) : Units(100)).tenths,
                    String?.none, Date?.none, VialState.unopened.rawValue, receivedAt,
                ])
            }
        }
    }
}

private extension Weekday {
    var order: Int { Weekday.allCases.firstIndex(of: self)! }
}
