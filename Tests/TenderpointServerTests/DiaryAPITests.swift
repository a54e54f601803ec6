import Fluent
import Foundation
import TenderpointCore
import TenderpointFHIR
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct DiaryAPITests {
    static let london = TimeZone(identifier: "Europe/London")!
    static let day: TimeInterval = 86_400

    static func instant(_ date: Date) -> String { JSONCoding.formatInstant(date) }

    /// A session `daysAgo` clinic days before today, written as the sessions API would store it.
    @discardableResult
    static func session(_ app: Application, patient: UUID, clinician: UUID, daysAgo: Int, voided: Bool = false) async throws -> UUID {
        let date = CalendarDate(Date(), in: london).adding(days: -daysAgo)
        let consent = try await TreatmentFixture.consent(app, patient: patient, recordedBy: clinician, date: date.adding(days: -30).iso)
        let session = TreatmentSessionModel()
        session.id = UUID()
        session.$patient.id = patient
        session.date = date.iso
        session.performedAt = date.start(in: london).addingTimeInterval(10 * 3600)
        session.$injector.id = clinician
        session.product = ToxinProduct.onabotulinumtoxinA.rawValue
        session.totalUnitsTenths = 400
        session.screeningJSON = "{}"
        session.acknowledgedJSON = "[]"
        session.$consent.id = consent
        session.guidance = InjectionGuidance.landmark.rawValue
        if voided {
            session.voidedAt = Date()
            session.voidedBy = clinician
            session.voidReason = "charted in error"
        }
        try await session.create(on: app.db)
        return session.id!
    }

    @Test func aPatientWritesTheirOwnDiaryOnTheClinicCalendarOnSQLite() async throws {
        try await aPatientWritesTheirOwnDiaryOnTheClinicCalendar(postgres: false)
    }

    /// The diary list's raw SQL (date filters, counts, paging) on the other database.
    @Test(.enabled(if: TestDatabase.postgresURL != nil)) func aPatientWritesTheirOwnDiaryOnTheClinicCalendarOnPostgreSQL() async throws {
        try await aPatientWritesTheirOwnDiaryOnTheClinicCalendar(postgres: true)
    }

    func aPatientWritesTheirOwnDiaryOnTheClinicCalendar(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let patient = try await app.signIn(.patient, patientID: patientID)
            let now = Date()
            let threeDaysAgo = now.addingTimeInterval(-3 * Self.day)
            let late = try await app.records(.POST, "api/patients/\(patientID)/diary", patient, json: [
                "recordedAt": Self.instant(threeDaysAgo), "painNRS": 6, "fatigue": 7, "sleepQuality": 3,
                "painAreas": ["upperBack", "neck", "shoulderGirdle.left"], "sideEffects": [" itchy rash "], "note": "bad night",
            ])
            #expect(late.status == .created)
            let entry = try late.decode(DiaryEntryDTO.self)
            #expect(entry.date == CalendarDate(threeDaysAgo, in: Self.london))
            #expect(entry.painNRS == 6)
            #expect(entry.painAreas == ["shoulderGirdle.left", "neck", "upperBack"])  // the WPI's order
            #expect(entry.sideEffects == ["itchy rash"])  // the patient's own words, kept
            #expect(entry.enteredBy.id == patient.userID)
            #expect(entry.enteredBy.role == "patient")
            // Made now about three days ago: entered later, and when it was entered is kept.
            #expect(entry.enteredLater)
            let enteredAt = try #require(entry.enteredAt)
            #expect(abs(enteredAt.timeIntervalSince(now)) < 60)
            #expect(entry.reported?.adverseEventIds == [])
            #expect(entry.reported?.advice == nil)

            // Several entries on one day, and only the pain rating is required.
            let second = try await app.records(.POST, "api/patients/\(patientID)/diary", patient,
                                               json: ["recordedAt": Self.instant(now.addingTimeInterval(-3600)), "painNRS": 4])
            #expect(second.status == .created)
            let secondBody = try second.object()
            #expect(secondBody["fatigue"] is NSNull)
            #expect(secondBody["painAreas"] as? [String] == [])
            #expect(secondBody["enteredLater"] as? Bool == false)
            let third = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician,
                                              json: ["recordedAt": Self.instant(now), "painNRS": 2])
            #expect(try third.decode(DiaryEntryDTO.self).enteredBy.role == "clinician")

            let list = try await app.records(.GET, "api/patients/\(patientID)/diary", patient)
            #expect(list.status == .ok)
            let page = try list.decode(Listing<DiaryEntryDTO>.self)
            #expect(page.total == 3)
            #expect(page.items.map(\.painNRS) == [6, 4, 2])  // oldest first
            #expect(page.items.map(\.enteredLater) == [true, false, false])
            #expect(page.items.allSatisfy { $0.enteredAt != nil && $0.reported == nil })

            let day = CalendarDate(threeDaysAgo, in: Self.london)
            let that = try await app.records(.GET, "api/patients/\(patientID)/diary?from=\(day.iso)&to=\(day.iso)", clinician)
            let thatPage = try that.decode(Listing<DiaryEntryDTO>.self)
            #expect(thatPage.total == 1)
            #expect(thatPage.items.map(\.painNRS) == [6])
            let later = try await app.records(.GET, "api/patients/\(patientID)/diary?from=\(day.adding(days: 1).iso)", clinician)
            #expect(try later.decode(Listing<DiaryEntryDTO>.self).items.map(\.painNRS) == [4, 2])
        }
    }

    @Test func anEntryMoreThanFiveMinutesAheadIsRefused() async throws {
        try await withTestApp { app, _ in
            let nurse = try await app.signIn(.nurse)
            let patientID = try await app.recordsPatient(nurse)
            let ahead = try await app.records(.POST, "api/patients/\(patientID)/diary", nurse,
                                              json: ["recordedAt": Self.instant(Date().addingTimeInterval(10 * 60)), "painNRS": 5])
            #expect(ahead.status == .unprocessableEntity)
            #expect(ahead.error?.error.code == "invalid_date")
            #expect(ahead.fields == ["recordedAt"])
            // A device clock a couple of minutes fast is not an error.
            let skewed = try await app.records(.POST, "api/patients/\(patientID)/diary", nurse,
                                               json: ["recordedAt": Self.instant(Date().addingTimeInterval(2 * 60)), "painNRS": 5])
            #expect(skewed.status == .created)
            #expect(try await DiaryEntryModel.query(on: app.db).count() == 1)
        }
    }

    /// The route's edges (the exact second is the core's test, `DiaryDateRuleTests`: the server's
    /// clock moves on between the test's `now` and the request's).
    @Test func sevenDaysBackIsTheLimitAnd1900IsRefused() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let path = "api/patients/\(patientID)/diary"
            let justInside = try await app.records(.POST, path, clinician,
                                                   json: ["recordedAt": Self.instant(Date().addingTimeInterval(-7 * Self.day + 30)), "painNRS": 5])
            #expect(justInside.status == .created)
            let justOutside = try await app.records(.POST, path, clinician,
                                                    json: ["recordedAt": Self.instant(Date().addingTimeInterval(-7 * Self.day - 60)), "painNRS": 5])
            #expect(justOutside.status == .unprocessableEntity)
            #expect(justOutside.error?.error.code == "invalid_date")
            #expect(justOutside.fields == ["recordedAt"])
            for old in ["1900-01-01T00:00:00Z", "2026-02-05T10:00:00Z"] {
                let refused = try await app.records(.POST, path, clinician, json: ["recordedAt": old, "painNRS": 5, "sideEffects": ["distantSpread"]])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.fields == ["recordedAt"])
            }
            #expect(try await DiaryEntryModel.query(on: app.db).count() == 1)
            #expect(try await AlertModel.query(on: app.db).count() == 0)
        }
    }

    /// The limit is the clinic's setting (`diaryMaxDaysBack`), read for each entry.
    @Test func theClinicSetsHowFarBackTheDiaryGoes() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let path = "api/patients/\(patientID)/diary"
            func entry(daysAgo: Double) async throws -> RecordsResponse {
                try await app.records(.POST, path, clinician,
                                      json: ["recordedAt": Self.instant(Date().addingTimeInterval(-daysAgo * Self.day)), "painNRS": 4])
            }
            #expect(try await entry(daysAgo: 6.5).status == .created)
            try await ClinicSettingsStore.store(.diaryMaxDaysBack, 2, on: app.db)
            let refused = try await entry(daysAgo: 2.01)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.fields == ["recordedAt"])
            #expect(refused.error?.error.message.contains("at most the last 2 days") == true)
            #expect(try await entry(daysAgo: 1.99).status == .created)
            try await ClinicSettingsStore.store(.diaryMaxDaysBack, 30, on: app.db)
            #expect(try await entry(daysAgo: 29.9).status == .created)
            #expect(try await entry(daysAgo: 30.1).status == .unprocessableEntity)
            #expect(try await DiaryEntryModel.query(on: app.db).count() == 3)
        }
    }

    @Test func badInputNamesEveryFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let bad = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician, json: [
                "recordedAt": Self.instant(Date().addingTimeInterval(-3600)), "painNRS": 11, "fatigue": -1, "sleepQuality": 10,
                "painAreas": ["neck", "elbow", "neck"], "sideEffects": ["", "bruise"],
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.fields == ["painNRS", "fatigue", "painAreas[1]", "painAreas[2]", "sideEffects[0]"])
            #expect(bad.error?.all.map(\.code) == ["value_out_of_range", "value_out_of_range", "unknown_identifier",
                                                   "duplicate_identifier", "invalid_value"])
            let notAnInstant = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician,
                                                     json: ["recordedAt": "yesterday", "painNRS": 3])
            #expect(notAnInstant.status == .unprocessableEntity)
            #expect(notAnInstant.fields == ["recordedAt"])
            let missing = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician,
                                                json: ["recordedAt": Self.instant(Date())])
            #expect(missing.fields == ["painNRS"])
            #expect(try await DiaryEntryModel.query(on: app.db).count() == 0)

            let badRange = try await app.records(.GET, "api/patients/\(patientID)/diary?from=2025-07-02&to=2025-07-01", clinician)
            #expect(badRange.status == .unprocessableEntity)
            #expect(badRange.fields == ["from"])
            let badDate = try await app.records(.GET, "api/patients/\(patientID)/diary?to=July", clinician)
            #expect(badDate.fields == ["to"])
        }
    }

    @Test func receptionAndOtherPatientsMayNotTouchADiary() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try await app.recordsPatient(clinician)
            let other = try await app.recordsPatient(clinician, given: "Charles", family: "Babbage")
            let patient = try await app.signIn(.patient, patientID: own)
            let body: [String: Any] = ["recordedAt": Self.instant(Date().addingTimeInterval(-600)), "painNRS": 3]
            #expect(try await app.records(.POST, "api/patients/\(other)/diary", patient, json: body).status == .forbidden)
            #expect(try await app.records(.GET, "api/patients/\(other)/diary", patient).status == .forbidden)
            let reception = try await app.signIn(.reception)
            #expect(try await app.records(.POST, "api/patients/\(own)/diary", reception, json: body).status == .forbidden)
            #expect(try await app.records(.GET, "api/patients/\(own)/diary", reception).status == .forbidden)
            #expect(try await DiaryEntryModel.query(on: app.db).count() == 0)
            #expect(try await app.records(.POST, "api/patients/\(UUID())/diary", clinician, json: body).status == .notFound)

            #expect(try await app.records(.POST, "api/patients/\(own)/diary", patient, json: body).status == .created)
            await app.flushAudit()
            let created = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "DiaryEntry")
                .filter(\.$action == "create").all()
            #expect(created.map(\.userID) == [patient.userID])
            #expect(created.map(\.patientID) == [own])
        }
    }

    // MARK: - Reported by the patient

    @Test func sideEffectsBecomeOneAdverseEventPerSessionAndKind() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let patient = try await app.signIn(.patient, patientID: patientID)
            let older = try await Self.session(app, patient: patientID, clinician: clinician.userID, daysAgo: 40)
            let latest = try await Self.session(app, patient: patientID, clinician: clinician.userID, daysAgo: 10)
            // A voided session after the latest is no session at all.
            try await Self.session(app, patient: patientID, clinician: clinician.userID, daysAgo: 2, voided: true)
            let path = "api/patients/\(patientID)/diary"
            let first = try await app.records(.POST, path, patient, json: [
                "recordedAt": Self.instant(Date().addingTimeInterval(-60)), "painNRS": 5,
                "sideEffects": ["Headache", "ptosis", "a bit dizzy", "headache"],
            ])
            #expect(first.status == .created)
            let entry = try first.decode(DiaryEntryDTO.self)
            #expect(entry.sideEffects == ["headache", "ptosis", "a bit dizzy"])
            #expect(entry.reported?.adverseEventIds.count == 2)
            #expect(entry.reported?.alertIds == [])
            #expect(entry.reported?.urgent == [])

            // The same kinds again, one new: only the new one is recorded.
            let second = try await app.records(.POST, path, patient, json: [
                "recordedAt": Self.instant(Date()), "painNRS": 5, "sideEffects": ["headache", "bruising"],
            ])
            #expect(try second.decode(DiaryEntryDTO.self).reported?.adverseEventIds.count == 1)

            let events = try await AdverseEventModel.query(on: app.db).sort(\.$kind).all()
            #expect(events.map(\.kind) == ["bruising", "headache", "ptosis"])
            #expect(events.allSatisfy { $0.$session.id == latest && $0.source == "patient" && $0.severity == "notYetAssessed" })
            #expect(events.allSatisfy { !$0.serious && $0.onsetDate == entry.date.iso && $0.$recorder.id == patient.userID })
            #expect(!events.contains { $0.$session.id == older })

            let listed = try await app.records(.GET, "api/patients/\(patientID)/adverse-events", clinician)
            let items = try listed.decode(Listing<AdverseEventDTO>.self).items
            #expect(items.count == 3)
            #expect(items.allSatisfy { $0.source == .patient && $0.severity == .notYetAssessed && $0.diaryEntryId != nil })
            let raw = try listed.object()["items"] as? [[String: Any]]
            #expect(raw?.first?["source"] as? String == "patient")

            // FHIR: the patient as recorder, no severity until assessed, the source as an extension.
            let bundle = try await app.fhir("fhir/AdverseEvent?patient=\(patientID)", clinician).bundle()
            #expect(bundle.total == 3)
            guard case .adverseEvent(let fhirEvent) = bundle.entry?.first?.resource else { throw TreatmentFixture.Failure("no adverse event") }
            #expect(fhirEvent.severity == nil)
            #expect(fhirEvent.recorder?.reference == "Patient/\(patientID.uuidString)")
            #expect(fhirEvent.extension?.contains { $0.url == AdverseEventProvider.sourceExtension && $0.value == .code("patient") } == true)

            await app.flushAudit()
            let audited = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "AdverseEvent")
                .filter(\.$action == "create").all()
            #expect(audited.count == 3)
            #expect(audited.allSatisfy { $0.patientID == patientID && $0.userID == patient.userID })
        }
    }

    @Test func theWindowIs112DaysAfterTheSession() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let inside = try await app.recordsPatient(clinician)
            let outside = try await app.recordsPatient(clinician, given: "Charles", family: "Babbage")
            // Entries made now are dated today: day 112 and day 113 after the sessions.
            try await Self.session(app, patient: inside, clinician: clinician.userID, daysAgo: 112)
            try await Self.session(app, patient: outside, clinician: clinician.userID, daysAgo: 113)
            for patient in [inside, outside] {
                let reply = try await app.records(.POST, "api/patients/\(patient)/diary", clinician,
                                                  json: ["recordedAt": Self.instant(Date()), "painNRS": 3, "sideEffects": ["fatigue"]])
                #expect(reply.status == .created)
            }
            let events = try await AdverseEventModel.query(on: app.db).all()
            #expect(events.map(\.$patient.id) == [inside])
        }
    }

    @Test func anUnknownIdentifierIsThePatientsOwnWordsAndRaisesNothing() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            try await Self.session(app, patient: patientID, clinician: clinician.userID, daysAgo: 5)
            let reply = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician,
                                              json: ["recordedAt": Self.instant(Date()), "painNRS": 3,
                                                     "sideEffects": ["increasedPain", "sneezing"]])
            #expect(reply.status == .created)
            #expect(try reply.decode(DiaryEntryDTO.self).sideEffects == ["increasedPain", "sneezing"])
            #expect(try await AdverseEventModel.query(on: app.db).count() == 0)
        }
    }
}
