import Foundation
import Testing
import TenderpointFHIR

@Suite struct JSONTests {
    @Test func parsesEscapesAndUnicode() throws {
        let value = try FHIRJSON.parse(#"{"a": "quote \" slash \/ back \\ tab \t nl \n é \u00e9 \ud83d\ude00 😀"}"#)
        #expect(value["a"] == .string("quote \" slash / back \\ tab \t nl \n é é 😀 😀"))
    }

    @Test func writesValidEscapedStrings() throws {
        let text = "line\nbreak \"quoted\" back\\slash \u{01} tab\t é <script>"
        let written = FHIRJSON.serialize(.object([("t", .string(text))]))
        #expect(String(decoding: written, as: UTF8.self) == #"{"t":"line\nbreak \"quoted\" back\\slash \u0001 tab\t é <script>"}"#)
        #expect(try FHIRJSON.parse(written)["t"] == .string(text))
        let foundation = try JSONSerialization.jsonObject(with: written) as? [String: String]
        #expect(foundation?["t"] == text)
    }

    @Test(arguments: [
        "", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "01", "1.", "-", "+1", "tru", "nul",
        "\"unterminated", "\"bad \\x escape\"", "\"\\ud83d alone\"", "{\"a\":1} x", "'single'", "[1 2]",
        "\"raw\tcontrol\"", "NaN",
    ])
    func rejectsInvalidJSON(_ text: String) throws {
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.parse(text) }
        #expect(error.kind == .syntax)
    }

    @Test func rejectsDuplicateMembers() throws {
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.parse(#"{"id": "a", "id": "b"}"#) }
        #expect(error.message.contains("duplicate"))
    }

    @Test func rejectsDeepNesting() throws {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: FHIRJSONError.self) { try FHIRJSON.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try FHIRJSON.parse(fine) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: FHIRJSONError.self) { try FHIRJSON.parse(Data([0x22, 0xC3, 0x28, 0x22])) }
    }

    @Test func numbersKeepTheirText() throws {
        let value = try FHIRJSON.parse("[1.50, 0.125, 100, -0, 1E+2, 2.0e-3]")
        #expect(value == .array([.number("1.50"), .number("0.125"), .number("100"), .number("-0"), .number("1E+2"), .number("2.0e-3")]))
        #expect(String(decoding: FHIRJSON.serialize(value), as: UTF8.self) == "[1.50,0.125,100,-0,1E+2,2.0e-3]")
    }

    @Test func objectEqualityIgnoresMemberOrderButNotNumberText() throws {
        #expect(try FHIRJSON.parse(#"{"a":1,"b":2}"#) == FHIRJSON.parse(#"{"b":2,"a":1}"#))
        #expect(try FHIRJSON.parse(#"{"a":1.5}"#) != FHIRJSON.parse(#"{"a":1.50}"#))
        #expect(try FHIRJSON.parse(#"[1,2]"#) != FHIRJSON.parse(#"[2,1]"#))
    }

    @Test func acceptsLeadingByteOrderMarkAndWhitespace() throws {
        #expect(try FHIRJSON.parse(Data([0xEF, 0xBB, 0xBF]) + Data(" \n{\"a\": true}\t".utf8))["a"] == .bool(true))
    }
}
