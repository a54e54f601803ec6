import Testing
import TenderpointFHIR

/// A questionnaire item carries extensions (the bounds of an integer answer, as the FIQR's 0–10
/// items need), written before `linkId` and read back.
@Suite struct QuestionnaireItemExtensionTests {
    @Test func boundsOfAnIntegerItemRoundTrip() throws {
        let item = Questionnaire.Item(
            extension: [
                Extension(url: "http://hl7.org/fhir/StructureDefinition/minValue", value: .integer(0)),
                Extension(url: "http://hl7.org/fhir/StructureDefinition/maxValue", value: .integer(10)),
            ],
            linkId: "1", prefix: "1", text: "Hair care", type: .integer)
        let text = try FHIRJSON.encodeString(item)
        #expect(text == #"{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},{"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":10}],"linkId":"1","prefix":"1","text":"Hair care","type":"integer"}"#)
        #expect(try FHIRJSON.decode(Questionnaire.Item.self, from: text) == item)
    }

    @Test func anItemWithoutExtensionsWritesNone() throws {
        let text = try FHIRJSON.encodeString(Questionnaire.Item(linkId: "g", type: .group, item: [Questionnaire.Item(linkId: "1", type: .boolean)]))
        #expect(text == #"{"linkId":"g","type":"group","item":[{"linkId":"1","type":"boolean"}]}"#)
    }
}
