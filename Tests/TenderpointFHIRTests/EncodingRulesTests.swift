import Foundation
import Testing
import TenderpointFHIR

/// FHIR JSON has no nulls, no empty strings, arrays or objects: the writer leaves them out.
@Suite struct EncodingRulesTests {
    private func containsEmpty(_ value: FHIRJSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let text): text.isEmpty
        case .array(let items): items.isEmpty || items.contains(where: containsEmpty)
        case .object(let members): members.isEmpty || members.contains { containsEmpty($0.value) }
        default: false
        }
    }

    @Test func emptyElementsAreLeftOut() throws {
        let patient = Patient(
            id: "p2",
            meta: Meta(profile: [], tag: []),
            identifier: [],
            name: [HumanName(family: "", given: []), HumanName(given: ["Bo"])],
            telecom: [ContactPoint(period: Period())],
            address: [Address(line: [""])]
        )
        let text = try FHIRJSON.encodeString(patient)
        #expect(text == #"{"resourceType":"Patient","id":"p2","name":[{"given":["Bo"]}]}"#)
        #expect(!containsEmpty(try FHIRJSON.parse(text)))
    }

    @Test func emptyCodeableConceptsInsideRequiredElementsStillPrune() throws {
        let observation = Observation(status: .final, category: [CodeableConcept()],
                                      code: CodeableConcept(coding: [Coding()], text: "pain"), component: [])
        let value = try FHIRJSON.value(of: observation)
        #expect(value == .object([("resourceType", .string("Observation")), ("status", .string("final")),
                                  ("code", .object([("text", .string("pain"))]))]))
    }

    @Test(arguments: RoundTripTests.names)
    func fixturesWriteNothingEmpty(_ name: String) throws {
        let json = try #require(Fixtures.all.first { $0.name == name }?.json)
        let resource = try FHIRJSON.decode(AnyResource.self, from: json)
        #expect(!containsEmpty(try FHIRJSON.value(of: resource)))
    }

    @Test func nullsOnInputAreReadAsAbsent() throws {
        let patient = try FHIRJSON.decode(Patient.self, from: #"{"resourceType": "Patient", "id": "p", "gender": null}"#)
        #expect(patient.gender == nil)
        #expect(try FHIRJSON.encodeString(patient) == #"{"resourceType":"Patient","id":"p"}"#)
    }

    @Test func nonFiniteNumbersCannotBeWritten() throws {
        struct Reading: Encodable { let value: Double }
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.encode(Reading(value: .infinity)) }
        #expect(error.kind == .unencodable)
        #expect(try FHIRJSON.encodeString(Reading(value: 0.5)) == #"{"value":0.5}"#)
    }

    @Test func boxedIdentifierAssignerRoundTrips() throws {
        var identifier = Identifier(system: "urn:a", value: "1")
        identifier.assigner = Reference(identifier: Identifier(system: "urn:org", value: "clinic"), display: "Clinic")
        let text = try FHIRJSON.encodeString(identifier)
        #expect(text == #"{"system":"urn:a","value":"1","assigner":{"identifier":{"system":"urn:org","value":"clinic"},"display":"Clinic"}}"#)
        #expect(try FHIRJSON.decode(Identifier.self, from: text) == identifier)
    }
}
