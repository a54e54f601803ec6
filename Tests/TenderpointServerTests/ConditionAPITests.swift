import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct ConditionAPITests {
    @Test func aFibromyalgiaDiagnosisCarriesItsSNOMEDAndICD10Codes() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let created = try await app.records(.POST, "api/patients/\(patientID)/conditions", clinician,
                                                json: ["kind": "fibromyalgia", "onsetDate": "2019-04-01"])
            #expect(created.status == .created)
            let body = try created.object()
            #expect(body["note"] is NSNull)
            let condition = try created.decode(ConditionDTO.self)
            #expect(condition.kind == .fibromyalgia)
            #expect(condition.clinicalStatus == .active)
            #expect(condition.onsetDate?.iso == "2019-04-01")
            #expect(condition.recordedDate == app.recordsToday)
            #expect(condition.codes.map(\.code) == ["203082005", "M79.7", "M79.7"])
            #expect(condition.codes.first?.system == "http://snomed.info/sct")

            let myofascial = try await app.records(.POST, "api/patients/\(patientID)/conditions", clinician,
                                                   json: ["kind": "myofascialPain", "note": "trapezius trigger points"])
            let coded = try myofascial.decode(ConditionDTO.self)
            #expect(coded.codes.map(\.code) == ["M79.1", "M79.18"])
            #expect(coded.codes.map(\.system) == ["http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-10-cm"])
            #expect(try myofascial.object()["onsetDate"] is NSNull)

            let list = try await app.records(.GET, "api/patients/\(patientID)/conditions", clinician)
            #expect(list.status == .ok)
            #expect(try list.decode(Listing<ConditionDTO>.self).items.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.fibromyalgia, .myofascialPain])
        }
    }

    @Test func aDiagnosisResolves() async throws {
        try await withTestApp { app, _ in
            let nurse = try await app.signIn(.nurse)
            let patientID = try await app.recordsPatient(nurse)
            let created = try await app.records(.POST, "api/patients/\(patientID)/conditions", nurse, json: ["kind": "myofascialPain"])
            let id = try created.decode(ConditionDTO.self).id
            let resolved = try await app.records(.PATCH, "api/patients/\(patientID)/conditions/\(id)", nurse, json: ["clinicalStatus": "resolved"])
            #expect(resolved.status == .ok)
            #expect(try resolved.decode(ConditionDTO.self).clinicalStatus == .resolved)

            let changeKind = try await app.records(.PATCH, "api/patients/\(patientID)/conditions/\(id)", nurse, json: ["kind": "fibromyalgia"])
            #expect(changeKind.status == .unprocessableEntity)
            #expect(changeKind.fields == ["kind"])

            let otherPatient = try await app.recordsPatient(nurse, given: "Charles", family: "Babbage")
            let wrongPatient = try await app.records(.PATCH, "api/patients/\(otherPatient)/conditions/\(id)", nurse,
                                                     json: ["clinicalStatus": "inactive"])
            #expect(wrongPatient.status == .notFound)
        }
    }

    @Test func badInputNamesEveryFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician, birthDate: "1975-12-10")
            let tomorrow = app.recordsToday.adding(days: 1).iso
            let future = try await app.records(.POST, "api/patients/\(patientID)/conditions", clinician,
                                               json: ["kind": "lupus", "onsetDate": tomorrow, "clinicalStatus": "cured"])
            #expect(future.status == .unprocessableEntity)
            #expect(future.fields == ["kind", "onsetDate", "clinicalStatus"])
            #expect(future.error?.error.code == "unknown_identifier")

            let beforeBirth = try await app.records(.POST, "api/patients/\(patientID)/conditions", clinician,
                                                    json: ["kind": "fibromyalgia", "onsetDate": "1970-01-01"])
            #expect(beforeBirth.fields == ["onsetDate"])
            let missingKind = try await app.records(.POST, "api/patients/\(patientID)/conditions", clinician, json: ["note": "x"])
            #expect(missingKind.fields == ["kind"])
            #expect(try await ConditionModel.query(on: app.db).count() == 0)

            let unknownPatient = try await app.records(.POST, "api/patients/\(UUID())/conditions", clinician, json: ["kind": "fibromyalgia"])
            #expect(unknownPatient.status == .notFound)
        }
    }

    @Test func receptionMayNotReadOrWriteDiagnosesAndPatientsOnlyReadTheirOwn() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try await app.recordsPatient(clinician)
            let other = try await app.recordsPatient(clinician, given: "Charles", family: "Babbage")
            _ = try await app.records(.POST, "api/patients/\(own)/conditions", clinician, json: ["kind": "fibromyalgia"])

            let reception = try await app.signIn(.reception)
            #expect(try await app.records(.GET, "api/patients/\(own)/conditions", reception).status == .forbidden)
            #expect(try await app.records(.POST, "api/patients/\(own)/conditions", reception, json: ["kind": "fibromyalgia"]).status == .forbidden)

            let patient = try await app.signIn(.patient, patientID: own)
            let mine = try await app.records(.GET, "api/patients/\(own)/conditions", patient)
            #expect(mine.status == .ok)
            #expect(try mine.decode(Listing<ConditionDTO>.self).total == 1)
            #expect(try await app.records(.GET, "api/patients/\(other)/conditions", patient).status == .forbidden)
            #expect(try await app.records(.POST, "api/patients/\(own)/conditions", patient, json: ["kind": "fibromyalgia"]).status == .forbidden)
            #expect(try await ConditionModel.query(on: app.db).count() == 1)

            await app.flushAudit()
            let events = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "Condition").all()
            #expect(events.filter { $0.action == "create" && $0.userID == clinician.userID }.count == 1)
            #expect(events.contains { $0.action == "read" && $0.userID == patient.userID && $0.patientID == own })
            #expect(events.contains { $0.outcome == "denied" && $0.userID == reception.userID })
        }
    }
}
