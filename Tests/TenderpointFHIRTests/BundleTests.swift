import Foundation
import Testing
import TenderpointFHIR

@Suite struct BundleTests {
    @Test func mixedEntriesDispatchOnResourceType() throws {
        let bundle = try FHIRJSON.decode(FHIRBundle.self, from: Fixtures.bundle)
        #expect(bundle.type == .searchset)
        #expect(bundle.total == 3)
        #expect(bundle.link?.map(\.relation) == ["self", "next"])
        let types = bundle.entry?.compactMap { $0.resource?.resourceType }
        #expect(types == [.patient, .observation, .operationOutcome])
        #expect(bundle.entry?.map { $0.search?.mode } == [.include, .match, .outcome])
        #expect(bundle.entry?[1].search?.score?.text == "1.50")

        let observation = try #require(bundle.entry?[1].resource?.resource(as: Observation.self))
        #expect(observation.value == .integer(4))
        #expect(bundle.entry?[0].resource?.resource(as: Observation.self) == nil)
        #expect(bundle.entry?[0].resource?.id == "p1")
    }

    @Test func buildsASearchsetWithNestedDecimals() throws {
        let dose = MedicationAdministration(
            contained: [AnyResource(Medication(id: "vial", code: CodeableConcept(Codings.botulinumToxinTypeA),
                                               batch: Medication.Batch(lotNumber: "L1", expirationDate: FHIRDateTime("2025-12-31"))))],
            partOf: [Reference(to: .procedure, id: "s1")],
            status: .completed,
            medication: .reference(Reference(containedID: "vial")),
            subject: Reference(to: .patient, id: "p1"),
            effective: .dateTime(FHIRDateTime("2024-05-01T10:12:00Z")!),
            dosage: MedicationAdministration.Dosage(route: CodeableConcept(Codings.intramuscularRoute),
                                                    dose: .toxinUnits(FHIRDecimal("2.50")!))
        )
        let bundle = FHIRBundle(
            type: .searchset, total: 2,
            link: [FHIRBundle.Link(relation: "self", url: "http://localhost/fhir/MedicationAdministration?patient=p1")],
            entry: [
                FHIRBundle.Entry(fullUrl: "http://localhost/fhir/MedicationAdministration/ma1", resource: AnyResource(dose),
                             search: FHIRBundle.Entry.Search(mode: .match)),
                FHIRBundle.Entry(resource: AnyResource(Patient(id: "p1")), search: FHIRBundle.Entry.Search(mode: .include)),
            ]
        )
        let text = try FHIRJSON.encodeString(bundle)
        #expect(text.hasPrefix(#"{"resourceType":"Bundle","type":"searchset","total":2,"#))
        #expect(text.contains(#""contained":[{"resourceType":"Medication","id":"vial","#))
        #expect(text.contains(#""dose":{"value":2.50,"unit":"U","system":"http://unitsofmeasure.org","code":"[arb'U]"}"#))
        #expect(try FHIRJSON.decode(FHIRBundle.self, from: text) == bundle)
    }

    @Test func unknownResourceTypeInAnEntryIsRejectedWithItsPath() throws {
        let json = #"""
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "id": "p1"}},
          {"resource": {"resourceType": "Encounter", "id": "e1"}}
        ]}
        """#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(FHIRBundle.self, from: json) }
        #expect(error.kind == .unknownResourceType)
        #expect(error.path == "Bundle.entry[1].resource.resourceType")
        #expect(error.message.contains("\"Encounter\""))
    }
}
