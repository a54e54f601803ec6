import Foundation
import Testing
import TenderpointFHIR

@Suite struct ErrorTests {
    @Test func unknownResourceTypeIsRejectedClearly() throws {
        let error = try #require(throws: FHIRJSONError.self) {
            try FHIRJSON.decode(AnyResource.self, from: #"{"resourceType": "Foo", "id": "1"}"#)
        }
        #expect(error.kind == .unknownResourceType)
        #expect(error.message.hasPrefix(#"Unknown resourceType "Foo""#))
        #expect(error.message.contains("Patient"))
        #expect(error.path == "Foo.resourceType")
    }

    @Test func missingResourceTypeIsReported() throws {
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(AnyResource.self, from: #"{"id": "1"}"#) }
        #expect(error.kind == .missingElement)
        #expect(error.path == "resourceType")
    }

    @Test func resourceTypeMustMatchTheTypeAskedFor() throws {
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Patient.self, from: Fixtures.observation) }
        #expect(error.kind == .resourceTypeMismatch)
        #expect(error.message == #"resourceType is "Observation" where "Patient" was expected"#)
    }

    @Test func missingRequiredElementIsNamed() throws {
        let json = #"{"resourceType": "Observation", "status": "final"}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Observation.self, from: json) }
        #expect(error.kind == .missingElement)
        #expect(error.path == "Observation.code")
    }

    @Test func missingRequiredElementInsideAnArrayIsLocated() throws {
        let json = #"{"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "invalid"}, {"severity": "error"}]}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(OperationOutcome.self, from: json) }
        #expect(error.path == "OperationOutcome.issue[1].code")
    }

    @Test func codeOutsideARequiredValueSetIsRejected() throws {
        let json = #"{"resourceType": "Observation", "status": "done", "code": {"text": "x"}}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Observation.self, from: json) }
        #expect(error.kind == .invalidValue)
        #expect(error.path == "Observation.status")
        #expect(error.message.contains("registered | preliminary | final"))
    }

    @Test func unknownElementsAreRejectedOrIgnoredOnRequest() throws {
        let json = #"""
        {"resourceType": "Patient", "id": "p", "nmae": [{"family": "X"}], "name": [{"family": "Y", "_family": {"id": "f"}}],
         "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Y</div>"}}
        """#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Patient.self, from: json) }
        #expect(error.kind == .unknownElement)
        #expect(error.path == "Patient.nmae")
        #expect(error.message.contains("Patient.name[0]._family") && error.message.contains("Patient.text"))

        let lenient = try FHIRJSON.decode(Patient.self, from: json, unknownElements: .ignore)
        #expect(lenient.name?.first?.family == "Y")
    }

    @Test func typeMismatchIsLocated() throws {
        let json = #"{"resourceType": "Patient", "active": "yes"}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Patient.self, from: json) }
        #expect(error.kind == .typeMismatch)
        #expect(error.path == "Patient.active")
        #expect(error.message == "Expected true or false but found a string")
    }

    @Test func operationOutcomeFromAnError() throws {
        let error = FHIRJSONError(kind: .invalidValue, message: #""1980-02-30" is not a FHIR date"#, path: "Patient.birthDate")
        let outcome = OperationOutcome(error)
        #expect(outcome.issue == [OperationOutcome.Issue(severity: .error, code: .value, diagnostics: error.message,
                                                         expression: ["Patient.birthDate"])])
        let text = try FHIRJSON.encodeString(outcome)
        #expect(text == #"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"value","diagnostics":"\"1980-02-30\" is not a FHIR date","expression":["Patient.birthDate"]}]}"#)
    }

    @Test func describesFoundationDecodingErrorsToo() {
        do {
            _ = try JSONDecoder().decode(Patient.self, from: Data(#"{"resourceType": "Patient", "birthDate": "2024-13"}"#.utf8))
            Issue.record("expected a failure")
        } catch {
            let described = FHIRJSON.describe(error, root: "Patient")
            #expect(described.kind == .invalidValue)
            #expect(described.path == "Patient.birthDate")
        }
    }
}
