import Foundation
import TenderpointFHIR
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct FHIRMetadataTests {
    @Test func theCapabilityStatementIsServedWithoutSigningInAndListsExactlyWhatIsSupported() async throws {
        try await withTestApp { app, _ in
            let reply = try await app.fhir("fhir/metadata", nil)
            #expect(reply.status == .ok)
            #expect(reply.contentType.hasPrefix("application/fhir+json"))
            guard case .capabilityStatement(let statement) = try reply.resource() else {
                Issue.record("not a CapabilityStatement: \(reply.text.prefix(200))")
                return
            }
            #expect(statement.fhirVersion == "4.0.1")
            #expect(statement.kind == .instance)
            let rest = try #require(statement.rest?.first)
            let types = (rest.resource ?? []).map(\.type)
            #expect(types.sorted() == ["AdverseEvent", "Appointment", "AuditEvent", "Condition", "Consent", "MedicationAdministration",
                                       "Observation", "Patient", "Practitioner", "Procedure", "Questionnaire", "QuestionnaireResponse"])
            let patient = try #require(rest.resource?.first { $0.type == "Patient" })
            #expect(patient.searchParam?.map(\.name) == ["name", "identifier", "birthdate"])
            #expect(patient.interaction?.map(\.code) == [.read, .searchType])
            #expect(patient.operation?.map(\.name) == ["export"])
            let observation = try #require(rest.resource?.first { $0.type == "Observation" })
            #expect(observation.searchParam?.map(\.name) == ["patient", "code", "date"])
            #expect(observation.searchParam?.map(\.type) == [.reference, .token, .date])
            #expect(rest.operation?.map(\.definition) == ["http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export"])
        }
    }

    @Test func theCapabilityStatementListsTheParametersTheParserAccepts() async throws {
        // Every parameter listed is accepted by a search of its type (no 400), so the statement
        // and the parser cannot disagree.
        try await withTestApp { app, _ in
            let admin = try await app.signIn(.admin)
            let clinician = try await app.signIn(.clinician)
            let samples: [String: String] = ["patient": "Patient/00000000-0000-0000-0000-000000000000", "name": "ada",
                                             "identifier": "9434765919", "birthdate": "1970", "code": "wpi", "date": "ge2020",
                                             "status": "booked", "questionnaire": "Questionnaire/fiqr"]
            for provider in FHIRProviders.all {
                for parameter in provider.parameters {
                    let value = try #require(samples[parameter.name], "no sample for \(parameter.name)")
                    let reply = try await app.fhir("fhir/\(provider.type.rawValue)?\(parameter.name)=\(value)",
                                                   provider.type == .auditEvent ? admin : clinician)
                    #expect(reply.status == .ok, "\(provider.type.rawValue)?\(parameter.name): \(reply.text.prefix(200))")
                }
            }
        }
    }
}
