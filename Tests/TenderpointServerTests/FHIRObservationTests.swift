import Foundation
import TenderpointCore
import TenderpointFHIR
@testable import TenderpointServer
import Testing
import VaporTesting

/// One full assessment (`AssessmentAPITests.fullAssessment`: 11 tender points, WPI 7, SSS 6,
/// FS 13, FIQR 52.5, NRS 7, PGIC 2) gives 25 Observations; three diary entries one each.
@Suite struct FHIRObservationTests {
    struct Record {
        let patient: UUID
        let assessment: UUID
    }

    static func record(_ app: Application, _ clinician: SignedIn) async throws -> Record {
        let patient = try await app.recordsPatient(clinician)
        let assessment = try await app.records(.POST, "api/patients/\(patient)/assessments", clinician, json: AssessmentAPITests.fullAssessment())
        guard assessment.status == .created else { throw TreatmentFixture.Failure("assessment: \(assessment.status)") }
        // London is on summer time in April: 23:30Z on the 15th is 00:30 on the 16th at the clinic.
        // Stored as the diary API stores them (it takes entries of the last 7 days only).
        for (at, pain) in [("2026-03-10T09:00:00Z", 6), ("2026-04-15T20:30:00Z", 4), ("2026-04-15T23:30:00Z", 5)] {
            let entry = DiaryEntryModel()
            entry.id = UUID()
            entry.$patient.id = patient
            entry.recordedAt = try #require(JSONCoding.parseInstant(at))
            entry.date = CalendarDate(entry.recordedAt, in: TimeZone(identifier: "Europe/London")!).iso
            entry.painNRS = pain
            entry.$enteredBy.id = clinician.userID
            try await entry.create(on: app.db)
        }
        return Record(patient: patient, assessment: try assessment.decode(AssessmentDTO.self).id)
    }

    @Test func searchesFilterByCodeAndDateWithEveryPrefix() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let record = try await Self.record(app, clinician)
            let other = try await Self.record(app, clinician)
            func total(_ query: String) async throws -> Int {
                let reply = try await app.fhir("fhir/Observation?patient=Patient/\(record.patient)&\(query)", clinician)
                #expect(reply.status == .ok, "\(query): \(reply.text.prefix(300))")
                return try reply.bundle().total ?? -1
            }
            #expect(try await total("_count=1") == 28)
            #expect(try await total("code=http://loinc.org%7C72514-3") == 4)
            #expect(try await total("code=72514-3&date=lt2026-04-01") == 1)
            #expect(try await total("code=72514-3&date=ge2026-03-10&date=le2026-04-15") == 2)
            #expect(try await total("date=eq2026-04-15") == 1)
            #expect(try await total("date=2026-04-16") == 1)
            #expect(try await total("date=gt2026-04-15T20:30:00Z") == 26)
            #expect(try await total("date=gt2026-04-15T21:30:00%2B01:00") == 26)
            #expect(try await total("date=ne2026-04") == 26)
            #expect(try await total("code=urn:tenderpoint:instrument%7Ctender-point") == 18)
            #expect(try await total("code=wpi,sss") == 2)
            #expect(try await total("code=%7Cwpi") == 0)
            #expect(try await total("code=wpi&code=sss") == 0)
            // Both patients' records without a patient filter.
            let all = try await app.fhir("fhir/Observation?_count=0", clinician).bundle()
            #expect(all.total == 56)
            _ = other
        }
    }

    @Test func pagingOverDerivedObservationsWalksEachOnce() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let record = try await Self.record(app, clinician)
            let walk = try await app.fhirWalk("fhir/Observation?patient=\(record.patient)&_count=5", clinician)
            #expect(walk.total == 28)
            #expect(walk.pages == 6)
            #expect(walk.ids.count == 28)
            #expect(Set(walk.ids).count == 28)
            // The diary entries come first (oldest), then the assessment's results.
            let id = record.assessment.uuidString
            #expect(walk.ids.contains("\(id)-tp-greaterTrochanter.right"))
            #expect(walk.ids.allSatisfy { $0.count <= 64 })
        }
    }

    @Test func anAssessmentsResultsReadAsCodedObservations() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let record = try await Self.record(app, clinician)
            let id = record.assessment.uuidString
            func observation(_ suffix: String) async throws -> Observation {
                let reply = try await app.fhir("fhir/Observation/\(id)-\(suffix)", clinician)
                guard reply.status == .ok, case .observation(let observation) = try reply.resource() else {
                    throw TreatmentFixture.Failure("\(suffix): \(reply.status) \(reply.text.prefix(300))")
                }
                return observation
            }
            let fiqr = try await observation("fiqr")
            #expect(fiqr.code.coding == [Coding(system: "urn:tenderpoint:instrument", code: "fiqr-total", display: "FIQR total")])
            #expect(fiqr.value == .quantity(Quantity(value: FHIRDecimal("52.5"), unit: "score", system: "http://unitsofmeasure.org", code: "{score}")))
            let domains: [Observation.Value] = ["15.0", "13.0", "24.5"].map {
                .quantity(Quantity(value: FHIRDecimal($0), unit: "score", system: "http://unitsofmeasure.org", code: "{score}"))
            }
            #expect(fiqr.component?.compactMap(\.value) == domains)
            #expect(fiqr.component?.map(\.code.coding?.first?.code) == ["fiqr-function", "fiqr-overall-impact", "fiqr-symptoms"])
            #expect(fiqr.subject?.reference == "Patient/\(record.patient.uuidString)")
            #expect(fiqr.performer?.first?.reference == "Practitioner/\(clinician.userID.uuidString)")

            #expect(try await observation("wpi").value == .integer(7))
            #expect(try await observation("sss").value == .integer(6))
            let fs = try await observation("fs")
            #expect(fs.value == .integer(13))
            #expect(FibromyalgiaSeverityBand(fibromyalgiaSeverity: 13) == .severe)
            #expect(fs.interpretation?.first?.text == FibromyalgiaSeverityBand.severe.label)
            #expect(fs.derivedFrom?.map(\.reference) == ["Observation/\(id)-wpi", "Observation/\(id)-sss"])
            let nrs = try await observation("nrs")
            #expect(nrs.value == .integer(7))
            #expect(nrs.code.coding?.first?.code == "72514-3")
            #expect(try await observation("pgic").value == .integer(2))

            let count = try await observation("tpc")
            #expect(count.value == .integer(11))
            #expect(count.hasMember?.count == 18)
            #expect(count.component?.first?.value == .boolean(true))
            let occiput = try await observation("tp-occiput.left")
            #expect(occiput.value == .boolean(true))
            #expect(occiput.bodySite?.coding?.first?.code == "occiput.left")
            #expect(occiput.component?.first?.value == .integer(7))
            let gluteal = try await observation("tp-gluteal.left")
            #expect(gluteal.value == .boolean(false))  // tender, not painful: rated 3 but negative
            #expect(gluteal.component?.first?.value == .integer(3))
            let knee = try await observation("tp-knee.left")
            #expect(knee.value == .boolean(false))
            #expect(knee.component == nil)

            for missing in ["xyz", "diary", "tp-nose.left"] {
                #expect(try await app.fhir("fhir/Observation/\(id)-\(missing)", clinician).status == .notFound)
            }
        }
    }

    @Test func theQuestionnaireResponsesHoldTheAnswersAsRecorded() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let record = try await Self.record(app, clinician)
            let reply = try await app.fhir("fhir/QuestionnaireResponse/\(record.assessment.uuidString)-acr2016", clinician)
            guard case .questionnaireResponse(let response) = try reply.resource() else { throw TreatmentFixture.Failure(reply.text) }
            #expect(response.questionnaire == "urn:tenderpoint:questionnaire:acr-2016")
            let wpi = try #require(response.item?.first { $0.linkId == "wpi" }?.item)
            #expect(wpi.count == 19)
            #expect(wpi.filter { $0.answer?.first?.value == .boolean(true) }.map(\.linkId).sorted()
                    == ["hip.left", "hip.right", "lowerBack", "neck", "shoulderGirdle.left", "shoulderGirdle.right", "upperBack"])
            let sss = try #require(response.item?.first { $0.linkId == "sss" }?.item)
            #expect(sss.first { $0.linkId == "fatigue" }?.answer?.first?.value == .coding(FHIRQuestionnaires.severity(2)))
            #expect(sss.first { $0.linkId == "headaches" }?.answer?.first?.value == .boolean(true))

            let fiqr = try await app.fhir("fhir/QuestionnaireResponse/\(record.assessment.uuidString)-fiqr", clinician)
            guard case .questionnaireResponse(let answers) = try fiqr.resource() else { throw TreatmentFixture.Failure(fiqr.text) }
            let items = (answers.item ?? []).flatMap { $0.item ?? [] }
            #expect(items.map(\.linkId) == (1...21).map(String.init))
            #expect(items.compactMap { if case .integer(let value) = $0.answer?.first?.value { value } else { nil } }
                    == [1, 2, 3, 4, 5, 6, 7, 8, 9, 6, 7, 7, 6, 5, 8, 4, 3, 6, 5, 2, 3])

            let search = try await app.fhir("fhir/QuestionnaireResponse?patient=\(record.patient)&questionnaire=Questionnaire/fiqr", clinician)
            #expect(try search.bundle().total == 1)

            let questionnaire = try await app.fhir("fhir/Questionnaire/fiqr", clinician)
            guard case .questionnaire(let form) = try questionnaire.resource() else { throw TreatmentFixture.Failure(questionnaire.text) }
            let labels = (form.item ?? []).flatMap { $0.item ?? [] }.map { "\($0.prefix ?? "") \($0.text ?? "")" }
            #expect(labels.count == 21)
            #expect(labels.first == "1 Hair care")
            #expect(labels.last == "21 Sensitivity to noise, light, odours or cold")
        }
    }
}
