import Fluent
import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// What the demo clinic contains, read back from the database.
struct DemoSnapshot: Equatable {
    struct Session: Equatable {
        let id: UUID
        let patientID: UUID
        let date: String
        let totalUnitsTenths: Int
    }

    let patientIDs: [UUID]
    let nhsNumbers: [String]
    let sessions: [Session]
    let diaryEntries: Int

    static func read(_ app: Application) async throws -> DemoSnapshot {
        let sql = app.db as! any SQLDatabase
        struct PatientRow: Decodable { let id: UUID; let nhs_number: String }
        struct SessionRow: Decodable { let id: UUID; let patient_id: UUID; let date: String; let total_units_tenths: Int }
        struct Count: Decodable { let count: Int }
        let patients = try await sql.raw("SELECT id, nhs_number FROM patients ORDER BY nhs_number").all(decoding: PatientRow.self)
        let sessions = try await sql.raw("SELECT id, patient_id, date, total_units_tenths FROM treatment_sessions ORDER BY date, id")
            .all(decoding: SessionRow.self)
        let diary = try await sql.raw("SELECT COUNT(*) AS count FROM diary_entries").first(decoding: Count.self)?.count ?? 0
        return DemoSnapshot(patientIDs: patients.map(\.id), nhsNumbers: patients.map(\.nhs_number),
                            sessions: sessions.map { Session(id: $0.id, patientID: $0.patient_id, date: $0.date, totalUnitsTenths: $0.total_units_tenths) },
                            diaryEntries: diary)
    }
}

@Suite struct DemoClinicTests {
    /// A Monday in spring, so tests do not depend on the day they run.
    static let today = CalendarDate(year: 2026, month: 3, day: 16)!

    @Test func theSameSeedGivesTheSameClinicAndAnotherSeedAnother() async throws {
        func clinic(seed: UInt64) async throws -> DemoSnapshot {
            try await withTestApp { app, _ in
                _ = try await DemoClinic.create(patients: 12, seed: seed, app: app, today: Self.today)
                return try await DemoSnapshot.read(app)
            }
        }
        let first = try await clinic(seed: 7)
        let second = try await clinic(seed: 7)
        let other = try await clinic(seed: 8)

        #expect(first.patientIDs.count == 12)
        #expect(first.sessions.count > 12)
        #expect(first == second)
        #expect(Set(first.patientIDs).isDisjoint(with: other.patientIDs))
        #expect(first.sessions.map(\.date) != other.sessions.map(\.date))
        // NHS numbers follow the patient's place, not the seed.
        #expect(first.nhsNumbers == other.nhsNumbers)
    }

    @Test func aLargerClinicStartsWithTheSamePatients() async throws {
        let small = try await withTestApp { app, _ in
            _ = try await DemoClinic.create(patients: 3, seed: 5, app: app, today: Self.today)
            return try await DemoSnapshot.read(app)
        }
        let large = try await withTestApp { app, _ in
            _ = try await DemoClinic.create(patients: 5, seed: 5, app: app, today: Self.today)
            return try await DemoSnapshot.read(app)
        }
        #expect(Set(small.patientIDs).isSubset(of: Set(large.patientIDs)))
    }

    @Test func everySessionPassesTheCoresRules() async throws {
        try await withTestApp { app, configuration in
            let summary = try await DemoClinic.create(patients: 30, seed: 1, app: app, today: Self.today)
            #expect(summary.patients == 30)
            let sql = app.db as! any SQLDatabase
            let rules = try await ClinicSettingsStore.rules(on: app.db, timeZone: configuration.clinicTimeZone)
            let sessions = try await TreatmentSessionModel.query(on: app.db).with(\.$injections).all()
            #expect(sessions.count >= 60)

            let byPatient = Dictionary(grouping: sessions, by: { $0.$patient.id })
            for (patientID, patientSessions) in byPatient {
                let patient = try #require(try await PatientModel.find(patientID, on: app.db))
                let ordered = patientSessions.sorted { $0.date < $1.date }
                var earlier: [DoseCheck.RecordedSession] = []
                for session in ordered {
                    let date = try #require(CalendarDate(iso: session.date))
                    if let last = earlier.last {
                        #expect(date.days(since: last.date) >= 84, "\(session.date) after \(last.date)")
                        #expect(date.days(since: last.date) <= 130)
                    }
                    #expect((6...12).contains(session.injections.count))
                    let consent = try #require(try await ConsentModel.find(session.$consent.id, on: app.db))
                    var injections: [ProposedSession.Injection] = []
                    for injection in session.injections {
                        #expect((50...250).contains(injection.unitsTenths))
                        let vial = try #require(try await VialModel.find(injection.$vial.id, on: app.db))
                        // Reconstituted on the day of the session, a lot in date.
                        let core = try vial.coreVial()
                        #expect(CalendarDate(try #require(core.reconstitutedAt), in: configuration.clinicTimeZone) == date)
                        #expect(core.expiryDate > date)
                        injections.append(ProposedSession.Injection(
                            vialReference: vial.id!.uuidString, vial: core,
                            site: try #require(InjectionSite(kind: InjectionSite.Kind(rawValue: injection.siteKind)!, id: injection.siteID)),
                            units: Units(tenths: injection.unitsTenths)))
                    }
                    let screening = try JSONDecoder().decode(ContraindicationScreen.self, from: Data(session.screeningJSON.utf8))
                    let acknowledged = try JSONDecoder().decode([ScreeningItem].self, from: Data(session.acknowledgedJSON.utf8))
                    let injector = try #require(try await UserModel.find(session.$injector.id, on: app.db))
                    if injector.accountRole == .nurse { #expect(session.$supervisor.id != nil) }
                    let proposed = ProposedSession(
                        date: date, performedAt: session.performedAt, chartedBy: injector.accountRole,
                        supervision: session.$supervisor.id == nil ? .none : .account(role: .clinician, active: true),
                        patientBirthDate: CalendarDate(iso: patient.birthDate), screening: screening,
                        acknowledged: Set(acknowledged),
                        consent: try ConsentRecord(date: CalendarDate(iso: consent.date)!, informationVersion: consent.informationVersion),
                        injections: injections, overrideReason: nil)
                    let noon = Self.today.start(in: configuration.clinicTimeZone).addingTimeInterval(12 * 3600)
                    switch SessionValidation.validate(proposed, otherSessions: earlier, rules: rules, now: noon) {
                    case .success(let validated):
                        #expect(validated.total.units.tenths == session.totalUnitsTenths)
                        #expect(session.overrideReason == nil)
                    case .failure(let problems):
                        Issue.record("session \(session.date) refused: \(problems.all)")
                    }
                    earlier.append(DoseCheck.RecordedSession(date: date, dose: ProductDose(
                        product: ToxinProduct(rawValue: session.product)!, units: Units(tenths: session.totalUnitsTenths))))
                }
            }

            // Most injections are onabotulinumtoxinA, some incobotulinumtoxinA, nothing else.
            struct ProductCount: Decodable { let product: String; let count: Int }
            let products = try await sql.raw("SELECT product, COUNT(*) AS count FROM treatment_sessions GROUP BY product")
                .all(decoding: ProductCount.self)
            #expect(Set(products.map(\.product)).isSubset(of: ["onabotulinumtoxinA", "incobotulinumtoxinA"]))
            let ona = products.first { $0.product == "onabotulinumtoxinA" }?.count ?? 0
            #expect(ona * 2 > sessions.count)
        }
    }

    @Test func respondersDiariesShowTheToxinsTimeCourse() async throws {
        try await withTestApp { app, _ in
            _ = try await DemoClinic.create(patients: 30, seed: 1, app: app, today: Self.today)
            let sql = app.db as! any SQLDatabase
            struct Entry: Decodable { let date: String; let pain_nrs: Int }
            var responders = 0, checked = 0
            for patient in try await PatientModel.query(on: app.db).all() {
                let patientID = try patient.requireID()
                let sessions = try await TreatmentSessionModel.query(on: app.db).filter(\.$patient.$id == patientID).sort(\.$date).all()
                let assessments = try await AssessmentModel.query(on: app.db).filter(\.$patient.$id == patientID).sort(\.$date).all()
                guard let first = sessions.first, let firstDate = CalendarDate(iso: first.date),
                      let baseline = assessments.first(where: { $0.tenderPointCount != nil })?.painNRS,
                      let week3 = assessments.first(where: { $0.pgic != nil })?.painNRS,
                      let week3Date = assessments.first(where: { $0.pgic != nil }).flatMap({ CalendarDate(iso: $0.date) }),
                      week3Date.days(since: firstDate) < 84 else { continue }
                // IMMPACT: at least 30% less pain than at baseline is a response.
                guard Double(baseline - week3) >= 0.3 * Double(baseline) else { continue }
                responders += 1
                let entries = try await sql.raw("SELECT date, pain_nrs FROM diary_entries WHERE patient_id = \(bind: patientID)")
                    .all(decoding: Entry.self)
                func mean(_ range: ClosedRange<Int>) -> Double? {
                    let values = entries.filter { range.contains(CalendarDate(iso: $0.date)!.days(since: firstDate)) }.map(\.pain_nrs)
                    return values.count >= 5 ? Double(values.reduce(0, +)) / Double(values.count) : nil
                }
                guard let before = mean(-14 ... -1), let after = mean(14...35) else { continue }
                checked += 1
                #expect(after < before, "patient \(patientID): \(before) before, \(after) on days 14–35")
            }
            #expect(responders >= 5)
            #expect(checked >= 3)
        }
    }

    @Test func theREADMELoginsSignIn() async throws {
        try await withTestApp { app, _ in
            _ = try await DemoClinic.create(patients: 5, seed: 1, app: app)
            let logins: [(String, String, Role)] = [
                ("admin", "admin-demo-1", .admin), ("dr.okafor", "clinician-demo-1", .clinician),
                ("dr.mensah", "clinician-demo-2", .clinician), ("nurse.ellis", "nurse-demo-1", .nurse),
                ("reception.patel", "reception-demo-1", .reception), ("patient1", "patient-demo-1", .patient),
                ("patient2", "patient-demo-2", .patient), ("patient3", "patient-demo-3", .patient),
            ]
            for (username, password, role) in logins {
                #expect(try await CLIUserTests.signIn(app, username, password) == role, "\(username)")
            }
            // Each patient account is linked to a different patient record.
            let linked = try await UserModel.query(on: app.db).filter(\.$role == "patient").all().compactMap(\.$patient.id)
            #expect(Set(linked).count == 3)
        }
    }

    @Test func aDatabaseWithPatientsIsRefused() async throws {
        try await withTestApp { app, _ in
            try await addPatient("Ada", "Lovelace", on: app.db)
            let failure = await #expect(throws: CommandFailure.self) {
                try await DemoClinic.create(patients: 3, app: app)
            }
            #expect(failure?.exitCode == 2)
            #expect(failure?.message.contains("already has 1 patient") == true)
            #expect(try await PatientModel.query(on: app.db).count() == 1)
            #expect(try await UserModel.query(on: app.db).count() == 0)
            #expect(try await DemoClinic.fillIfEmpty(app) == false)
        }
    }

    @Test func serveDemoLeavesADatabaseWithAccountsAlone() async throws {
        try await withTestApp { app, _ in
            _ = try await app.signIn(.admin, username: "admin")
            #expect(try await DemoClinic.fillIfEmpty(app) == false)
            #expect(try await PatientModel.query(on: app.db).count() == 0)
        }
        try await withTestApp { app, _ in
            let filled = try await DemoClinic.fillIfEmpty(app)
            let patients = try await PatientModel.query(on: app.db).count()
            #expect(filled)
            #expect(patients == DemoClinic.defaultPatients)
        }
    }

    @Test func theAPIReadsEverythingTheDemoStored() async throws {
        try await withTestApp { app, _ in
            _ = try await DemoClinic.create(patients: 6, seed: 2, app: app)
            let clinician = try await app.signIn(.clinician)
            let sql = app.db as! any SQLDatabase
            struct Count: Decodable { let count: Int }
            func count(_ table: String, _ patientID: UUID) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS count FROM \(ident: table) WHERE patient_id = \(bind: patientID)")
                    .first(decoding: Count.self)?.count ?? 0
            }
            struct Page: Decodable { let total: Int }
            for patient in try await PatientModel.query(on: app.db).all() {
                let id = try patient.requireID()
                for (path, table) in [("assessments", "assessments"), ("sessions", "treatment_sessions"),
                                      ("diary", "diary_entries"), ("consents", "consents"), ("conditions", "conditions")] {
                    try await app.testing().test(.GET, "api/patients/\(id)/\(path)?limit=200", headers: clinician.headers) { (response: TestingHTTPResponse) in
                        #expect(response.status == .ok, "\(path): \(response.body.string)")
                    }
                    if path != "consents", path != "conditions" {
                        var total = -1
                        try await app.testing().test(.GET, "api/patients/\(id)/\(path)?limit=1", headers: clinician.headers) { (response: TestingHTTPResponse) in
                            total = (try? response.content.decode(Page.self).total) ?? -1
                        }
                        #expect(total == (try await count(table, id)), "\(path)")
                    }
                }
                for session in try await TreatmentSessionModel.query(on: app.db).filter(\.$patient.$id == id).all() {
                    try await app.testing().test(.GET, "api/patients/\(id)/sessions/\(session.id!)", headers: clinician.headers) { (response: TestingHTTPResponse) in
                        #expect(response.status == .ok, "\(response.body.string)")
                    }
                }
                try await app.testing().test(.GET, "api/patients/\(id)/adverse-events", headers: clinician.headers) { (response: TestingHTTPResponse) in
                    #expect(response.status == .ok, "\(response.body.string)")
                }
                try await app.testing().test(.GET, "api/patients/\(id)/timeline", headers: clinician.headers) { (response: TestingHTTPResponse) in
                    #expect(response.status == .ok, "\(response.body.string)")
                }
            }
            try await app.testing().test(.GET, "api/vials?limit=200", headers: clinician.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .ok, "\(response.body.string)")
            }
            try await app.testing().test(.GET, "api/appointments?limit=200", headers: clinician.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .ok, "\(response.body.string)")
            }
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil)) func theDemoFillsPostgreSQLToo() async throws {
        let snapshot = try await withTestApp(postgres: true) { app, _ in
            let summary = try await DemoClinic.create(patients: 8, seed: 7, app: app, today: Self.today)
            #expect(summary.patients == 8)
            let clinician = try await app.signIn(.clinician)
            let patient = try #require(try await PatientModel.query(on: app.db).sort(\.$nhsNumber).first())
            for path in ["assessments", "sessions", "diary", "timeline"] {
                try await app.testing().test(.GET, "api/patients/\(patient.id!)/\(path)", headers: clinician.headers) { (response: TestingHTTPResponse) in
                    #expect(response.status == .ok, "\(path): \(response.body.string)")
                }
            }
            #expect(try await CLIUserTests.signIn(app, "dr.okafor", "clinician-demo-1") == .clinician)
            return try await DemoSnapshot.read(app)
        }
        // The same clinic as on SQLite: the data does not depend on the database.
        let sqlite = try await withTestApp { app, _ in
            _ = try await DemoClinic.create(patients: 8, seed: 7, app: app, today: Self.today)
            return try await DemoSnapshot.read(app)
        }
        #expect(snapshot == sqlite)
    }

    @Test func theClinicLooksLikeAClinic() async throws {
        try await withTestApp { app, configuration in
            let summary = try await DemoClinic.create(patients: 30, seed: 1, app: app)
            let today = CalendarDate(Date(), in: configuration.clinicTimeZone)
            #expect(summary.staff == 5)

            // Valid test-range NHS numbers, all different; adult birth dates.
            let patients = try await PatientModel.query(on: app.db).all()
            let numbers = patients.compactMap(\.nhsNumber)
            #expect(numbers.count == 30 && Set(numbers).count == 30)
            #expect(numbers.allSatisfy { $0.hasPrefix("999") && NHSNumber($0) != nil })
            #expect(patients.allSatisfy { CalendarDate(iso: $0.birthDate)!.age(on: today) >= 18 })

            // Each has a fibromyalgia or myofascial pain diagnosis and a consent.
            let conditions = try await ConditionModel.query(on: app.db).all()
            #expect(conditions.count == 30)
            #expect(Set(conditions.map(\.kind)).isSubset(of: ["fibromyalgia", "myofascialPain"]))
            #expect(try await ConsentModel.query(on: app.db).count() >= 28)

            // Mild local adverse events and exactly one moderate neck weakness.
            let events = try await AdverseEventModel.query(on: app.db).all()
            #expect(events.filter { $0.kind == "neckWeakness" }.map(\.severity) == ["moderate"])
            #expect(events.count(where: { $0.severity == "mild" }) >= 3)
            #expect(events.allSatisfy { !$0.serious })

            // Appointments attended in the past, booked in the coming weeks, never overlapping.
            let appointments = try await AppointmentModel.query(on: app.db).all()
            let now = Date()
            #expect(appointments.filter { $0.startAt > now }.allSatisfy { $0.status == "booked" })
            #expect(appointments.filter { $0.startAt < today.start(in: configuration.clinicTimeZone) }.allSatisfy { $0.status != "booked" })
            let comingWeeks = appointments.filter { $0.status == "booked" && $0.startAt < now.addingTimeInterval(28 * 86_400) }
            #expect(comingWeeks.count >= 5)
            for (_, own) in Dictionary(grouping: appointments.filter { $0.status != "cancelled" }, by: { $0.$practitioner.id }) {
                let sorted = own.sorted { $0.startAt < $1.startAt }
                for (earlier, later) in zip(sorted, sorted.dropFirst()) { #expect(earlier.endAt <= later.startAt) }
            }
            // Weekday working hours, 09:00–17:00 in the clinic's time zone.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = configuration.clinicTimeZone
            for appointment in appointments {
                let start = calendar.dateComponents([.hour, .minute, .weekday], from: appointment.startAt)
                let end = calendar.dateComponents([.hour, .minute], from: appointment.endAt)
                #expect(start.hour! >= 9 && end.hour! * 60 + end.minute! <= 17 * 60)
                #expect((2...6).contains(start.weekday!))
            }
            #expect(try await AvailabilityModel.query(on: app.db).count() == 3 * 5)

            // Diaries: 0–2 entries a day, with days missed.
            struct Day: Decodable { let patient_id: UUID; let date: String; let entries: Int }
            let days = try await (app.db as! any SQLDatabase).raw("""
                SELECT patient_id, date, COUNT(*) AS entries FROM diary_entries GROUP BY patient_id, date
                """).all(decoding: Day.self)
            #expect(days.allSatisfy { (1...2).contains($0.entries) })
            #expect(days.contains { $0.entries == 2 })

            // Stock to chart with today.
            #expect(try await VialModel.query(on: app.db).filter(\.$state == "unopened").count() == 18)
        }
    }
}
