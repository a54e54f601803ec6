import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct TimelineAPITests {
    /// A session row as the sessions API would store it (the timeline only reads it).
    static func insertSession(_ app: Application, patient: UUID, injector: UUID, consent: UUID, date: CalendarDate, tenths: Int) async throws {
        let session = TreatmentSessionModel()
        session.id = UUID()
        session.$patient.id = patient
        session.date = date.iso
        session.performedAt = date.start(in: app.tenderpoint.clinicTimeZone).addingTimeInterval(10 * 3600)
        session.$injector.id = injector
        session.product = "onabotulinumtoxinA"
        session.totalUnitsTenths = tenths
        session.screeningJSON = "{}"
        session.acknowledgedJSON = "[]"
        session.$consent.id = consent
        session.guidance = "landmark"
        try await session.create(on: app.db)
    }

    static func insertAppointment(_ app: Application, patient: UUID, practitioner: UUID, start: Date, kind: String) async throws {
        let appointment = AppointmentModel()
        appointment.id = UUID()
        appointment.$patient.id = patient
        appointment.$practitioner.id = practitioner
        appointment.startAt = start
        appointment.endAt = start.addingTimeInterval(30 * 60)
        appointment.kind = kind
        appointment.status = "booked"
        try await appointment.create(on: app.db)
    }

    @Test func theWholePictureInOneCallOnSQLite() async throws {
        try await theWholePictureInOneCall(postgres: false)
    }

    /// The timeline's raw SQL (sessions, appointments, diary totals) on the other database.
    @Test(.enabled(if: TestDatabase.postgresURL != nil)) func theWholePictureInOneCallOnPostgreSQL() async throws {
        try await theWholePictureInOneCall(postgres: true)
    }

    func theWholePictureInOneCall(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician, given: "Ada", family: "Lovelace")
            let today = app.recordsToday
            _ = try await app.records(.POST, "api/patients/\(patientID)/conditions", clinician, json: ["kind": "fibromyalgia"])
            let consent = try await app.records(.POST, "api/patients/\(patientID)/consents", clinician,
                                                json: ["date": today.adding(days: -60).iso, "informationVersion": "v3"])
            let consentID = try consent.decode(ConsentDTO.self).id
            _ = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician,
                                      json: ["date": today.adding(days: -40).iso, "painNRS": 8, "fiqr": ["answers": AssessmentAPITests.fiqrAnswers]])
            _ = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician,
                                      json: ["date": today.adding(days: -10).iso, "painNRS": 5, "pgic": 3])
            try await Self.insertSession(app, patient: patientID, injector: clinician.userID, consent: consentID,
                                         date: today.adding(days: -120), tenths: 1000)
            try await Self.insertSession(app, patient: patientID, injector: clinician.userID, consent: consentID,
                                         date: today.adding(days: -30), tenths: 1125)
            let now = Date()
            try await Self.insertAppointment(app, patient: patientID, practitioner: clinician.userID, start: now.addingTimeInterval(-9 * 86400), kind: "peak-review")
            try await Self.insertAppointment(app, patient: patientID, practitioner: clinician.userID, start: now.addingTimeInterval(-29 * 86400), kind: "onset-check")
            try await Self.insertAppointment(app, patient: patientID, practitioner: clinician.userID, start: now.addingTimeInterval(54 * 86400), kind: "reassessment")
            // Diary: 6 and 4 in the last fortnight (mean 5); 9 three weeks ago does not count (stored
            // directly: the diary API takes entries of the last 7 days only).
            let old = DiaryEntryModel()
            old.id = UUID()
            old.$patient.id = patientID
            old.recordedAt = now.addingTimeInterval(-20 * 86400)
            old.date = CalendarDate(old.recordedAt, in: TimeZone(identifier: "Europe/London")!).iso
            old.painNRS = 9
            old.$enteredBy.id = clinician.userID
            try await old.create(on: app.db)
            for (daysAgo, pain) in [(3.0, 6), (1.0, 4)] {
                let written = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician,
                                                    json: ["recordedAt": JSONCoding.formatInstant(now.addingTimeInterval(-daysAgo * 86400)), "painNRS": pain])
                #expect(written.status == .created)
            }

            let response = try await app.records(.GET, "api/patients/\(patientID)/timeline", clinician)
            #expect(response.status == .ok)
            let timeline = try response.decode(TimelineDTO.self)
            #expect(timeline.today == today)
            #expect(timeline.patient.familyName == "Lovelace")
            #expect(timeline.conditions.map(\.kind) == [.fibromyalgia])
            #expect(timeline.conditions.first?.codes.first?.code == "203082005")
            #expect(timeline.consents.map(\.id) == [consentID])

            #expect(timeline.assessments.map(\.date) == [today.adding(days: -10), today.adding(days: -40)])
            #expect(timeline.latestScores.painNRS?.value == 5)
            #expect(timeline.latestScores.painNRS?.date == today.adding(days: -10))
            #expect(timeline.latestScores.pgic?.value == 3)
            #expect(timeline.latestScores.fiqrTotal?.value == 52.5)  // from the older visit: the latest had no FIQR
            #expect(timeline.latestScores.fiqrTotal?.date == today.adding(days: -40))
            #expect(timeline.latestScores.wpi == nil)

            #expect(timeline.sessions.map(\.date) == [today.adding(days: -30), today.adding(days: -120)])
            #expect(timeline.sessions.first?.totalUnits == Units(tenths: 1125))
            #expect(timeline.sessions.first?.product == "onabotulinumtoxinA")
            #expect(timeline.sessions.first?.injector.id == clinician.userID)

            #expect(timeline.appointments.upcoming.map(\.kind) == ["reassessment"])
            #expect(timeline.appointments.past.map(\.kind) == ["peak-review", "onset-check"])  // most recent first

            #expect(timeline.diary.count == 3)
            #expect(timeline.diary.entriesLast14Days == 2)
            #expect(timeline.diary.meanPainNRSLast14Days == 5)
            #expect(timeline.diary.lastDate == CalendarDate(now.addingTimeInterval(-86400), in: app.tenderpoint.clinicTimeZone))

            // 84 days after the last session, target weeks 12–16.
            let window = try #require(timeline.reinjectionWindow)
            #expect(window.lastSessionDate == today.adding(days: -30))
            #expect(window.earliest == today.adding(days: 54))
            #expect(window.targetTo == today.adding(days: 82))
            #expect(timeline.daysSinceLastSession == 30)

            let json = try response.object()
            let sessions = try #require(json["sessions"] as? [[String: Any]])
            #expect(sessions.first?["totalUnits"] as? Double == 112.5)
        }
    }

    @Test func beforeAnySessionTheWindowIsNull() async throws {
        try await withTestApp { app, _ in
            let nurse = try await app.signIn(.nurse)
            let patientID = try await app.recordsPatient(nurse)
            let response = try await app.records(.GET, "api/patients/\(patientID)/timeline", nurse)
            #expect(response.status == .ok)
            let json = try response.object()
            #expect(json["reinjectionWindow"] is NSNull)
            #expect(json["daysSinceLastSession"] is NSNull)
            let diary = try #require(json["diary"] as? [String: Any])
            #expect(diary["count"] as? Int == 0)
            #expect(diary["meanPainNRSLast14Days"] is NSNull)
            #expect(diary["firstDate"] is NSNull)
            #expect((json["sessions"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func receptionMayNotReadTheTimelineAndPatientsReadOnlyTheirOwn() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try await app.recordsPatient(clinician)
            let other = try await app.recordsPatient(clinician, given: "Charles", family: "Babbage")
            let reception = try await app.signIn(.reception)
            #expect(try await app.records(.GET, "api/patients/\(own)/timeline", reception).status == .forbidden)
            let patient = try await app.signIn(.patient, patientID: own)
            #expect(try await app.records(.GET, "api/patients/\(own)/timeline", patient).status == .ok)
            #expect(try await app.records(.GET, "api/patients/\(other)/timeline", patient).status == .forbidden)
            #expect(try await app.records(.GET, "api/patients/\(UUID())/timeline", clinician).status == .notFound)

            await app.flushAudit()
            let events = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "Timeline").all()
            #expect(events.contains { $0.userID == patient.userID && $0.action == "read" && $0.patientID == own })
            #expect(events.contains { $0.userID == reception.userID && $0.outcome == "denied" })
        }
    }
}
