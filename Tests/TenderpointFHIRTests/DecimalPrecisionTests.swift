import Foundation
import Testing
import TenderpointFHIR

@Suite struct DecimalPrecisionTests {
    @Test(arguments: ["1.50", "0.125", "100", "12.50", "-0.5", "0", "1.0e2", "2E-3", "3.000000000000000000001"])
    func decimalTextSurvivesARoundTrip(_ text: String) throws {
        let json = #"{"value": \#(text), "unit": "U"}"#
        let quantity = try FHIRJSON.decode(Quantity.self, from: json)
        #expect(quantity.value?.text == text)
        let written = try FHIRJSON.encodeString(quantity)
        #expect(written == #"{"value":\#(text),"unit":"U"}"#)
    }

    @Test func decimalsInsideResourcesAreWrittenVerbatim() throws {
        let administration = try FHIRJSON.decode(MedicationAdministration.self, from: Fixtures.medicationAdministration)
        let text = try FHIRJSON.encodeString(administration)
        #expect(text.contains(#""dose":{"value":12.50,"unit":"U","system":"http://unitsofmeasure.org","code":"[arb'U]"}"#))

        let observation = try FHIRJSON.encodeString(FHIRJSON.decode(Observation.self, from: Fixtures.observation))
        #expect(observation.contains(#""value":45.50"#))
        #expect(observation.contains(#""value":12.125"#))
        #expect(observation.contains(#""value":10}"#))
        #expect(observation.contains(#""value":23.0}"#))
    }

    @Test func equalityKeepsPrecision() throws {
        let a = try #require(FHIRDecimal("1.5"))
        let b = try #require(FHIRDecimal("1.50"))
        #expect(a != b)
        #expect(a.decimal == b.decimal)
    }

    @Test(arguments: ["01", "1.", ".5", "+1", "1e", "1e+", "NaN", "", " 1", "1,5", "0x10", "--1"])
    func invalidTextIsRejected(_ text: String) {
        #expect(FHIRDecimal(text) == nil)
        #expect(throws: FHIRJSONError.self) { try FHIRDecimal(validating: text) }
    }

    @Test func fromDecimalAndInt() {
        #expect(FHIRDecimal(Decimal(string: "2.5")!).text == "2.5")
        #expect(FHIRDecimal(Decimal(-125) / 1000).text == "-0.125")
        #expect(FHIRDecimal(100).text == "100")
        let literal: FHIRDecimal = 7
        #expect(literal.text == "7")
    }

    @Test func fixedFractionDigits() {
        #expect(FHIRDecimal(Decimal(3), fractionDigits: 1).text == "3.0")
        #expect(FHIRDecimal(Decimal(string: "1.5")!, fractionDigits: 2).text == "1.50")
        #expect(FHIRDecimal(Decimal(string: "1.25")!, fractionDigits: 1).text == "1.3")
        #expect(FHIRDecimal(Decimal(string: "45.55")!, fractionDigits: 0).text == "46")
        #expect(FHIRDecimal(Decimal(string: "0.125")!, fractionDigits: 3).text == "0.125")
    }

    @Test func decimalMustBeAJSONNumber() throws {
        let error = try #require(throws: FHIRJSONError.self) {
            try FHIRJSON.decode(Quantity.self, from: #"{"value": "1.50"}"#)
        }
        #expect(error.kind == .typeMismatch)
        #expect(error.path == "value")
    }

    @Test func integersRejectFractions() throws {
        let json = #"{"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "valueInteger": 1.5}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Observation.self, from: json) }
        #expect(error.kind == .invalidValue)
        #expect(error.path == "Observation.valueInteger")
    }

    @Test func foundationCodersStillWork() throws {
        let quantity = Quantity.toxinUnits(FHIRDecimal("2.5")!)
        let data = try JSONEncoder().encode(quantity)
        let back = try JSONDecoder().decode(Quantity.self, from: data)
        #expect(back == quantity)
    }
}
