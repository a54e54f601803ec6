import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct AssessmentAPITests {
    /// Function items 1–9 sum to 45 (÷ 3 = 15), overall impact 6 + 7 = 13, symptoms sum 49 (÷ 2 =
    /// 24.5): total 52.5, moderate (41–64).
    static var fiqrAnswers: [Any] { [1, 2, 3, 4, 5, 6, 7, 8, 9, 6, 7, 7, 6, 5, 8, 4, 3, 6, 5, 2, 3] }

    static func fullAssessment(date: String? = nil) -> [String: Any] {
        var body: [String: Any] = [
            // Listed out of examination order and rated at one negative site (tender, not painful).
            "tenderPoints": [
                "positive": ["knee.right", "occiput.left", "occiput.right", "lowCervical.left", "lowCervical.right", "trapezius.left",
                             "trapezius.right", "supraspinatus.left", "supraspinatus.right", "secondRib.left", "secondRib.right"],
                "pain": ["occiput.left": 7, "gluteal.left": 3],
                "widespreadPainMonths": 18,
            ],
            "acr2016": [
                "painAreas": ["neck", "shoulderGirdle.left", "shoulderGirdle.right", "hip.left", "hip.right", "lowerBack", "upperBack"],
                "fatigue": 2, "wakingUnrefreshed": 2, "cognitiveSymptoms": 1,
                "headaches": true, "lowerAbdominalPain": false, "depression": false,
                "symptomMonths": 18, "administeredBy": "clinician",
            ],
            "fiqr": ["answers": fiqrAnswers],
            "painNRS": 7,
            "pgic": 2,
            "note": "Baseline before the first cycle.",
        ]
        if let date { body["date"] = date }
        return body
    }

    @Test func aFullAssessmentIsScoredByTheCoreAndStoredBesideItsAnswers() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let response = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician, json: Self.fullAssessment())
            #expect(response.status == .created)
            let assessment = try response.decode(AssessmentDTO.self)
            #expect(assessment.date == app.recordsToday)
            #expect(assessment.assessedBy.id == clinician.userID)

            let tenderPoints = try #require(assessment.tenderPoints)
            #expect(tenderPoints.scores.count == 11)
            #expect(tenderPoints.scores.criteriaMet)
            #expect(tenderPoints.answers.positive.first == "occiput.left")  // examination order
            #expect(tenderPoints.answers.positive.last == "knee.right")
            #expect(tenderPoints.answers.pain == ["occiput.left": 7, "gluteal.left": 3])

            // WPI 7; SSS 2 + 2 + 1 + headaches 1 = 6; FS 13; regions: all five.
            let acr2016 = try #require(assessment.acr2016)
            #expect(acr2016.scores.wpi == 7)
            #expect(acr2016.scores.sss == 6)
            #expect(acr2016.scores.fs == 13)
            #expect(acr2016.scores.regionsWithPain == 5)
            #expect(acr2016.scores.criteriaMet)
            #expect(acr2016.scores.diagnosticFlag)
            #expect(acr2016.answers.administeredBy == .clinician)

            let fiqr = try #require(assessment.fiqr)
            #expect(fiqr.scores.function == 15)
            #expect(fiqr.scores.overallImpact == 13)
            #expect(fiqr.scores.symptoms == 24.5)
            #expect(fiqr.scores.total == 52.5)
            #expect(fiqr.scores.severityBand == .moderate)
            #expect(assessment.painNRS == 7)
            #expect(assessment.pgic == 2)
            #expect(assessment.pgicLabel == "Much improved")

            let stored = try #require(try await AssessmentModel.find(assessment.id, on: app.db))
            #expect(stored.tenderPointCount == 11)
            #expect(stored.acr1990Met == true)
            #expect([stored.wpi, stored.sss, stored.fs] == [7, 6, 13])
            #expect(stored.acr2016Met == true)
            #expect(stored.fiqrTotal == 52.5)
            #expect(stored.fiqrAnswersJSON == "[1,2,3,4,5,6,7,8,9,6,7,7,6,5,8,4,3,6,5,2,3]")
            #expect(stored.painNRS == 7)
            #expect(stored.pgic == 2)
        }
    }

    @Test func sectionsNotAssessedAreNullAndSelfReportRaisesNoDiagnosticFlag() async throws {
        try await withTestApp { app, _ in
            let nurse = try await app.signIn(.nurse)
            let patientID = try await app.recordsPatient(nurse)
            var acr2016 = try #require(Self.fullAssessment()["acr2016"] as? [String: Any])
            acr2016["administeredBy"] = "selfReport"
            let response = try await app.records(.POST, "api/patients/\(patientID)/assessments", nurse,
                                                 json: ["acr2016": acr2016, "date": "2026-01-10"])
            #expect(response.status == .created)
            let body = try response.object()
            for key in ["tenderPoints", "fiqr", "painNRS", "pgic", "note"] {
                #expect(body[key] is NSNull, "\(key) is null")
            }
            let assessment = try response.decode(AssessmentDTO.self)
            #expect(assessment.date.iso == "2026-01-10")
            #expect(assessment.acr2016?.scores.criteriaMet == true)
            #expect(assessment.acr2016?.scores.diagnosticFlag == false)

            let painOnly = try await app.records(.POST, "api/patients/\(patientID)/assessments", nurse, json: ["painNRS": 0])
            #expect(painOnly.status == .created)
        }
    }

    @Test func listsNewestFirstAndReadsOneOnSQLite() async throws {
        try await listsNewestFirstAndReadsOne(postgres: false)
    }

    /// The assessment rows (booleans, doubles, joins) on the other database.
    @Test(.enabled(if: TestDatabase.postgresURL != nil)) func listsNewestFirstAndReadsOneOnPostgreSQL() async throws {
        try await listsNewestFirstAndReadsOne(postgres: true)
    }

    func listsNewestFirstAndReadsOne(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let other = try await app.recordsPatient(clinician, given: "Charles", family: "Babbage")
            for (date, pain) in [("2026-01-05", 8), ("2026-03-01", 5), ("2026-02-01", 6)] {
                let created = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician,
                                                    json: ["date": date, "painNRS": pain])
                #expect(created.status == .created)
            }
            let list = try await app.records(.GET, "api/patients/\(patientID)/assessments", clinician)
            #expect(list.status == .ok)
            let page = try list.decode(Listing<AssessmentDTO>.self)
            #expect(page.total == 3)
            #expect(page.items.map(\.date.iso) == ["2026-03-01", "2026-02-01", "2026-01-05"])
            #expect(page.items.map(\.painNRS) == [5, 6, 8])

            let second = try await app.records(.GET, "api/patients/\(patientID)/assessments?limit=1&offset=1", clinician)
            #expect(try second.decode(Listing<AssessmentDTO>.self).items.map(\.date.iso) == ["2026-02-01"])

            let id = page.items[0].id
            let one = try await app.records(.GET, "api/patients/\(patientID)/assessments/\(id)", clinician)
            #expect(one.status == .ok)
            #expect(try one.decode(AssessmentDTO.self).painNRS == 5)
            // The same assessment under another patient's path does not exist.
            #expect(try await app.records(.GET, "api/patients/\(other)/assessments/\(id)", clinician).status == .notFound)
            #expect(try await app.records(.GET, "api/patients/\(patientID)/assessments/\(UUID())", clinician).status == .notFound)
        }
    }

    @Test func badInputNamesEveryFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            var body = Self.fullAssessment()
            body["tenderPoints"] = ["positive": ["occiput.left", "elbow.left"], "pain": ["knee.left": 12], "widespreadPainMonths": 6]
            var acr2016 = try #require(body["acr2016"] as? [String: Any])
            acr2016["painAreas"] = ["foot.left"]
            body["acr2016"] = acr2016
            var answers = Self.fiqrAnswers
            answers[3] = 11
            body["fiqr"] = ["answers": answers]
            body["painNRS"] = 11
            body["pgic"] = 0
            let response = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician, json: body)
            #expect(response.status == .unprocessableEntity)
            #expect(response.fields == ["tenderPoints.positive[1]", "tenderPoints.pain.knee.left", "acr2016.painAreas[0]",
                                        "fiqr.answers[3]", "painNRS", "pgic"])

            acr2016["painAreas"] = ["neck"]
            acr2016["administeredBy"] = nil
            let noAdministration = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician, json: ["acr2016": acr2016])
            #expect(noAdministration.fields == ["acr2016.administeredBy"])

            let empty = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician, json: ["note": "nothing measured"])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.error?.error.code == "invalid_value")

            let tomorrow = app.recordsToday.adding(days: 1).iso
            let future = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician, json: ["date": tomorrow, "painNRS": 3])
            #expect(future.fields == ["date"])

            let wrongType = try await app.records(.POST, "api/patients/\(patientID)/assessments", clinician, json: ["painNRS": "seven"])
            #expect(wrongType.status == .unprocessableEntity)
            #expect(wrongType.fields == ["painNRS"])
            #expect(try await AssessmentModel.query(on: app.db).count() == 0)

            let unknownPatient = try await app.records(.POST, "api/patients/\(UUID())/assessments", clinician, json: ["painNRS": 3])
            #expect(unknownPatient.status == .notFound)
        }
    }

    @Test func onlyClinicalStaffWriteAndPatientsReadTheirOwn() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try await app.recordsPatient(clinician)
            let other = try await app.recordsPatient(clinician, given: "Charles", family: "Babbage")
            let created = try await app.records(.POST, "api/patients/\(own)/assessments", clinician, json: ["painNRS": 6])
            let id = try created.decode(AssessmentDTO.self).id

            let reception = try await app.signIn(.reception)
            #expect(try await app.records(.POST, "api/patients/\(own)/assessments", reception, json: ["painNRS": 6]).status == .forbidden)
            #expect(try await app.records(.GET, "api/patients/\(own)/assessments", reception).status == .forbidden)
            let admin = try await app.signIn(.admin)
            #expect(try await app.records(.GET, "api/patients/\(own)/assessments/\(id)", admin).status == .forbidden)

            let patient = try await app.signIn(.patient, patientID: own)
            #expect(try await app.records(.GET, "api/patients/\(own)/assessments/\(id)", patient).status == .ok)
            #expect(try await app.records(.GET, "api/patients/\(other)/assessments", patient).status == .forbidden)
            #expect(try await app.records(.POST, "api/patients/\(own)/assessments", patient, json: ["painNRS": 2]).status == .forbidden)
            #expect(try await AssessmentModel.query(on: app.db).count() == 1)

            await app.flushAudit()
            let events = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "Assessment").all()
            #expect(events.contains { $0.action == "create" && $0.userID == clinician.userID && $0.resourceID == id.uuidString })
            #expect(events.contains { $0.action == "read" && $0.userID == patient.userID && $0.resourceID == id.uuidString })
        }
    }
}
