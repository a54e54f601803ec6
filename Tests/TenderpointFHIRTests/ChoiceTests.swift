import Foundation
import Testing
import TenderpointFHIR

@Suite struct ChoiceTests {
    private let code = CodeableConcept(Codings.painNRS)

    private func observation(_ value: Observation.Value?, effective: EffectiveTime? = nil) -> Observation {
        Observation(status: .final, code: code, subject: Reference(to: .patient, id: "p1"), effective: effective, value: value)
    }

    @Test func observationValueNames() throws {
        let cases: [(Observation.Value, String)] = [
            (.quantity(Quantity(value: 4, unit: "{score}")), #""valueQuantity":{"value":4,"unit":"{score}"}"#),
            (.codeableConcept(CodeableConcept(text: "mild")), #""valueCodeableConcept":{"text":"mild"}"#),
            (.string("tender"), #""valueString":"tender""#),
            (.boolean(true), #""valueBoolean":true"#),
            (.integer(7), #""valueInteger":7"#),
        ]
        for (value, expected) in cases {
            let text = try FHIRJSON.encodeString(observation(value))
            #expect(text.contains(expected), "\(text)")
            #expect(try FHIRJSON.decode(Observation.self, from: text).value == value)
        }
    }

    @Test func effectiveNames() throws {
        let moment = EffectiveTime.dateTime(FHIRDateTime("2024-05-01T10:00:00Z")!)
        let period = EffectiveTime.period(Period(start: FHIRDateTime("2024-05-01")!, end: FHIRDateTime("2024-05-07")!))
        let first = try FHIRJSON.encodeString(observation(.integer(3), effective: moment))
        #expect(first.contains(#""effectiveDateTime":"2024-05-01T10:00:00Z""#))
        let second = try FHIRJSON.encodeString(observation(.integer(3), effective: period))
        #expect(second.contains(#""effectivePeriod":{"start":"2024-05-01","end":"2024-05-07"}"#))
        #expect(try FHIRJSON.decode(Observation.self, from: second).effective == period)
    }

    @Test func medicationAdministrationChoices() throws {
        let administration = try FHIRJSON.decode(MedicationAdministration.self, from: Fixtures.medicationAdministration)
        #expect(administration.medication == .reference(Reference(containedID: "vial")))
        #expect(administration.effective == .dateTime(FHIRDateTime("2024-05-01T10:12:00Z")!))
        let medication = try #require(administration.contained?.first?.resource(as: Medication.self))
        #expect(medication.batch?.lotNumber == "C1234A")
        #expect(medication.batch?.expirationDate?.text == "2025-11-30")
        #expect(administration.dosage?.dose == Quantity.toxinUnits(FHIRDecimal("12.50")!))
        #expect(administration.partOf?.first?.reference == "Procedure/s1")

        var coded = administration
        coded.medication = .codeableConcept(CodeableConcept(Codings.botulinumToxinATC))
        let text = try FHIRJSON.encodeString(coded)
        #expect(text.contains(#""medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"M03AX01","display":"botulinum toxin"}]}"#))
        #expect(!text.contains("medicationReference"))
    }

    @Test func answerChoices() throws {
        let response = try FHIRJSON.decode(QuestionnaireResponse.self, from: Fixtures.questionnaireResponse)
        let answers = try #require(response.item?[1].answer?.map(\.value))
        #expect(answers == [
            .boolean(false), .string("text"), .date(FHIRDate("2024-04-30")!), .dateTime(FHIRDateTime("2024-04-30T08:00:00Z")!),
            .uri("urn:x"), .coding(Coding(code: "2")), .quantity(Quantity(value: FHIRDecimal("1.50")!, unit: "mL")),
            .reference(Reference(reference: "Observation/o1")),
        ])
        #expect(response.item?[0].item?[1].answer?.first?.value == .decimal(FHIRDecimal("0.125")!))
        #expect(response.item?[1].answer?.last?.item?.first?.linkId == "nested")
    }

    @Test func twoChoicesAtOnceAreRejected() throws {
        let json = #"{"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "valueInteger": 3, "valueString": "3"}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Observation.self, from: json) }
        #expect(error.kind == .invalidValue)
        #expect(error.message.contains("valueString") && error.message.contains("valueInteger"))
    }

    @Test func requiredChoiceMustBePresent() throws {
        let json = #"{"resourceType": "MedicationAdministration", "status": "completed", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-05-01"}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(MedicationAdministration.self, from: json) }
        #expect(error.kind == .missingElement)
        #expect(error.path == "MedicationAdministration.medication[x]")
    }

    @Test func unsupportedChoiceTypeIsAnUnknownElement() throws {
        let json = #"{"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "valueRange": {"low": {"value": 1}}}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Observation.self, from: json) }
        #expect(error.kind == .unknownElement)
        #expect(error.path == "Observation.valueRange")
    }

    @Test func componentsCarryTheirOwnValues() throws {
        let observation = try FHIRJSON.decode(Observation.self, from: Fixtures.observation)
        #expect(observation.component?.map(\.value) == [
            .quantity(Quantity(value: FHIRDecimal("12.125")!)), .quantity(Quantity(value: 10)),
            .quantity(Quantity(value: FHIRDecimal("23.0")!)), .boolean(true), .integer(21), .string("FIQR"),
            .codeableConcept(CodeableConcept(text: "moderate")),
        ])
    }

    @Test func annotationAndConditionChoices() throws {
        let condition = try FHIRJSON.decode(Condition.self, from: Fixtures.condition)
        #expect(condition.onset == .dateTime(FHIRDateTime("2018-06")!))
        #expect(condition.note?.first?.author == .reference(Reference(to: .practitioner, id: "pr1")))
        let procedure = try FHIRJSON.decode(Procedure.self, from: Fixtures.procedure)
        #expect(procedure.note?.first?.author == .string("Dr Okafor"))
        guard case .period(let period) = procedure.performed else {
            Issue.record("performedPeriod expected")
            return
        }
        #expect(period.end?.text == "2024-05-01T10:40:00Z")
    }

    @Test func extensionValues() throws {
        let ext = Extension(url: "urn:tenderpoint:extension:chart", extension: [
            Extension(url: "x", value: .decimal(FHIRDecimal("41.50")!)),
            Extension(url: "view", value: .code("back")),
        ])
        let text = try FHIRJSON.encodeString(ext)
        #expect(text == #"{"url":"urn:tenderpoint:extension:chart","extension":[{"url":"x","valueDecimal":41.50},{"url":"view","valueCode":"back"}]}"#)
        #expect(try FHIRJSON.decode(Extension.self, from: text) == ext)
    }
}

/// Choices also work through Foundation's coders (for code that only has `JSONEncoder`), though
/// only `FHIRJSON` keeps decimal precision.
@Suite struct FoundationCoderTests {
    @Test func observationWithChoicesRoundTripsThroughJSONEncoder() throws {
        let observation = try FHIRJSON.decode(Observation.self, from: Fixtures.observation)
        let data = try JSONEncoder().encode(observation)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["effectiveDateTime"] as? String == "2024-05-01T10:15:00+01:00")
        #expect(object["valueQuantity"] != nil && object["value"] == nil)
        let back = try JSONDecoder().decode(Observation.self, from: data)
        #expect(back.effective == observation.effective)
        #expect(back.component?.count == 7)
        #expect(back.value.flatMap { if case .quantity(let q) = $0 { q.value?.decimal } else { nil } } == Decimal(string: "45.5"))
    }
}
