import Foundation
import Testing
import TenderpointFHIR

/// Every fixture decodes, re-encodes to the same JSON (member order aside, numbers verbatim), and
/// decodes again to an equal value.
@Suite struct RoundTripTests {
    static let names = Fixtures.all.map(\.name)

    private func fixture(_ name: String) throws -> String {
        try #require(Fixtures.all.first { $0.name == name }?.json)
    }

    @Test func fixturesCoverEveryResourceType() {
        #expect(Set(Self.names) == Set(FHIRResourceType.allCases.map(\.rawValue)))
    }

    @Test(arguments: names)
    func roundTripsSemantically(_ name: String) throws {
        let json = try fixture(name)
        let resource = try FHIRJSON.decode(AnyResource.self, from: json)
        #expect(resource.resourceType.rawValue == name)

        let written = try FHIRJSON.encode(resource)
        #expect(try FHIRJSON.parse(written) == FHIRJSON.parse(json))
        #expect(try FHIRJSON.decode(AnyResource.self, from: written) == resource)
    }

    @Test(arguments: names)
    func writesResourceTypeFirst(_ name: String) throws {
        let resource = try FHIRJSON.decode(AnyResource.self, from: fixture(name))
        let written = try FHIRJSON.parse(FHIRJSON.encode(resource))
        #expect(written.keys.first == "resourceType")
        #expect(written["resourceType"] == .string(name))
    }

    @Test(arguments: names)
    func compactOutputIsOneLine(_ name: String) throws {
        let resource = try FHIRJSON.decode(AnyResource.self, from: fixture(name))
        let text = try FHIRJSON.encodeString(resource)
        #expect(!text.contains("\n"))
        let pretty = try FHIRJSON.encode(resource, prettyPrinted: true)
        #expect(try FHIRJSON.parse(pretty) == FHIRJSON.parse(text))
    }

    @Test func decodesAsTheConcreteType() throws {
        let patient = try FHIRJSON.decode(Patient.self, from: Fixtures.patient)
        #expect(patient.name?.first?.given == ["Anne", "Marie"])
        #expect(patient.birthDate?.precision == .month)
        #expect(patient.identifier?[1].assigner?.display == "Tenderpoint Clinic")
        #expect(patient.relativeReference == "Patient/p1")
        #expect(AnyResource(patient).resource(as: Patient.self) == patient)
    }

    @Test func encodingIsDeterministic() throws {
        let resource = try FHIRJSON.decode(AnyResource.self, from: Fixtures.medicationAdministration)
        #expect(try FHIRJSON.encode(resource) == FHIRJSON.encode(resource))
    }

    @Test func keysFollowTheElementOrderOfTheSpecification() throws {
        let observation = try FHIRJSON.decode(Observation.self, from: Fixtures.observation)
        let keys = try FHIRJSON.value(of: observation).keys
        #expect(keys == ["resourceType", "id", "status", "category", "code", "subject", "effectiveDateTime",
                         "issued", "performer", "valueQuantity", "component"])
    }
}
