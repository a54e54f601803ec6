import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct DiaryAPITests {
    static func instant(_ date: Date) -> String { JSONCoding.formatInstant(date) }

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
            // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
            let late = try await app.records(.POST, "api/patients/\(patientID)/diary", patient, json: [
                "recordedAt": "2025-06-30T23:30:00Z", "painNRS": 6, "fatigue": 7, "sleepQuality": 3,
                "painAreas": ["upperBack", "neck", "shoulderGirdle.left"], "sideEffects": [" headache "], "note": "bad night",
            ])
            #expect(late.status == .created)
            let entry = try late.decode(DiaryEntryDTO.self)
            #expect(entry.date.iso == "2025-07-01")
            #expect(entry.painNRS == 6)
            #expect(entry.painAreas == ["shoulderGirdle.left", "neck", "upperBack"])  // the WPI's order
            #expect(entry.sideEffects == ["headache"])
            #expect(entry.enteredBy.id == patient.userID)
            #expect(entry.enteredBy.role == "patient")

            // Several entries on one day, and only the pain rating is required.
            let second = try await app.records(.POST, "api/patients/\(patientID)/diary", patient,
                                               json: ["recordedAt": "2025-07-01T18:00:00+01:00", "painNRS": 4])
            #expect(second.status == .created)
            let secondBody = try second.object()
            #expect(secondBody["fatigue"] is NSNull)
            #expect(secondBody["painAreas"] as? [String] == [])
            let winter = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician,
                                               json: ["recordedAt": "2025-12-31T23:30:00Z", "painNRS": 2])
            #expect(try winter.decode(DiaryEntryDTO.self).date.iso == "2025-12-31")  // GMT in winter
            #expect(try winter.decode(DiaryEntryDTO.self).enteredBy.role == "clinician")

            let list = try await app.records(.GET, "api/patients/\(patientID)/diary", patient)
            #expect(list.status == .ok)
            let page = try list.decode(Listing<DiaryEntryDTO>.self)
            #expect(page.total == 3)
            #expect(page.items.map(\.painNRS) == [6, 4, 2])  // oldest first

            let july = try await app.records(.GET, "api/patients/\(patientID)/diary?from=2025-07-01&to=2025-07-01", clinician)
            let julyPage = try july.decode(Listing<DiaryEntryDTO>.self)
            #expect(julyPage.total == 2)
            #expect(julyPage.items.map(\.date.iso) == ["2025-07-01", "2025-07-01"])
            let fromAugust = try await app.records(.GET, "api/patients/\(patientID)/diary?from=2025-08-01", clinician)
            #expect(try fromAugust.decode(Listing<DiaryEntryDTO>.self).items.map(\.painNRS) == [2])
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

    @Test func badInputNamesEveryFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let bad = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician, json: [
                "recordedAt": "2025-06-30T10:00:00Z", "painNRS": 11, "fatigue": -1, "sleepQuality": 10,
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
            let missing = try await app.records(.POST, "api/patients/\(patientID)/diary", clinician, json: ["recordedAt": "2025-06-30T10:00:00Z"])
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
            let body: [String: Any] = ["recordedAt": "2025-06-30T10:00:00Z", "painNRS": 3]
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
}
