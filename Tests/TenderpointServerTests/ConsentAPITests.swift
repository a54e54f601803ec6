import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct ConsentAPITests {
    @Test func consentIsRecordedListedAndWithdrawn() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician, given: "Ada", family: "Lovelace")
            let created = try await app.records(.POST, "api/patients/\(patientID)/consents", clinician,
                                                json: ["date": "2026-01-15", "informationVersion": " leaflet v3 "])
            #expect(created.status == .created)
            let body = try created.object()
            #expect(body["withdrawnOn"] is NSNull)
            #expect(body["date"] as? String == "2026-01-15")
            #expect(body["informationVersion"] as? String == "leaflet v3")
            #expect(body["signedBy"] as? String == "Ada Lovelace")  // nobody named: the patient signed
            let consent = try created.decode(ConsentDTO.self)
            #expect(consent.recordedBy == clinician.userID)

            let representative = try await app.records(.POST, "api/patients/\(patientID)/consents", clinician,
                                                       json: ["date": "2026-02-01", "informationVersion": "leaflet v4",
                                                              "signedBy": "Anne Lovelace (daughter)"])
            #expect(try representative.decode(ConsentDTO.self).signedBy == "Anne Lovelace (daughter)")

            let list = try await app.records(.GET, "api/patients/\(patientID)/consents", clinician)
            #expect(try list.decode(Listing<ConsentDTO>.self).items.map(\.date.iso) == ["2026-02-01", "2026-01-15"])

            let early = try await app.records(.POST, "api/patients/\(patientID)/consents/\(consent.id)/withdraw", clinician,
                                              json: ["date": "2026-01-14"])
            #expect(early.status == .unprocessableEntity)
            #expect(early.error?.error.code == "invalid_date")
            #expect(early.fields == ["date"])

            let withdrawn = try await app.records(.POST, "api/patients/\(patientID)/consents/\(consent.id)/withdraw", clinician,
                                                  json: ["date": "2026-03-01"])
            #expect(withdrawn.status == .ok)
            #expect(try withdrawn.decode(ConsentDTO.self).withdrawnOn?.iso == "2026-03-01")

            let again = try await app.records(.POST, "api/patients/\(patientID)/consents/\(consent.id)/withdraw", clinician,
                                              json: ["date": "2026-03-02"])
            #expect(again.status == .conflict)
            #expect(again.error?.error.code == "already_withdrawn")
            #expect(try await ConsentModel.find(consent.id, on: app.db)?.withdrawnOn == "2026-03-01")
        }
    }

    @Test func badInputNamesTheFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let nurse = try await app.signIn(.nurse)
            let patientID = try await app.recordsPatient(nurse)
            let tomorrow = app.recordsToday.adding(days: 1).iso
            let future = try await app.records(.POST, "api/patients/\(patientID)/consents", nurse,
                                               json: ["date": tomorrow, "informationVersion": "  "])
            #expect(future.status == .unprocessableEntity)
            #expect(future.fields == ["date", "informationVersion"])
            let badDate = try await app.records(.POST, "api/patients/\(patientID)/consents", nurse,
                                                json: ["date": "2026-02-30", "informationVersion": "v1"])
            #expect(badDate.fields == ["date"])
            let missing = try await app.records(.POST, "api/patients/\(patientID)/consents", nurse, json: ["date": "2026-01-01"])
            #expect(missing.fields == ["informationVersion"])
            #expect(try await ConsentModel.query(on: app.db).count() == 0)

            let unknown = try await app.records(.POST, "api/patients/\(UUID())/consents", nurse,
                                                json: ["date": "2026-01-01", "informationVersion": "v1"])
            #expect(unknown.status == .notFound)
            let unknownConsent = try await app.records(.POST, "api/patients/\(patientID)/consents/\(UUID())/withdraw", nurse,
                                                       json: ["date": "2026-01-01"])
            #expect(unknownConsent.status == .notFound)
        }
    }

    @Test func receptionAndPatientsMayNotRecordConsent() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try await app.recordsPatient(clinician)
            let other = try await app.recordsPatient(clinician, given: "Charles", family: "Babbage")
            let reception = try await app.signIn(.reception)
            let body = ["date": "2026-01-15", "informationVersion": "v3"]
            #expect(try await app.records(.POST, "api/patients/\(own)/consents", reception, json: body).status == .forbidden)
            #expect(try await app.records(.GET, "api/patients/\(own)/consents", reception).status == .forbidden)
            let patient = try await app.signIn(.patient, patientID: own)
            #expect(try await app.records(.POST, "api/patients/\(own)/consents", patient, json: body).status == .forbidden)
            #expect(try await app.records(.GET, "api/patients/\(own)/consents", patient).status == .ok)
            #expect(try await app.records(.GET, "api/patients/\(other)/consents", patient).status == .forbidden)
            #expect(try await ConsentModel.query(on: app.db).count() == 0)
        }
    }
}
