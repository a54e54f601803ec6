import Fluent
import Foundation
import TenderpointCore
import TenderpointFHIR
@testable import TenderpointServer
import Testing
import VaporTesting

@Suite struct FHIRSearchTests {
    /// Five patients; NHS numbers 9434765919 (valid check digit) on Grace only.
    static func register(_ app: Application, _ clinician: SignedIn) async throws -> [String: UUID] {
        var ids: [String: UUID] = [:]
        for (given, family, birth) in [("Ada", "Lovelace", "1975-12-10"), ("Grace", "Hopper", "1976-12-09"), ("Alan", "Turing", "1976-06-23"),
                                       ("Adele", "Goldberg", "1945-07-22"), ("Barbara", "Liskov", "1939-11-07")] {
            ids[given] = try await app.recordsPatient(clinician, given: given, family: family, birthDate: birth)
        }
        let reply = try await app.records(.PATCH, "api/patients/\(ids["Grace"]!)", clinician, json: ["nhsNumber": "943 476 5919"])
        guard reply.status == .ok else { throw TreatmentFixture.Failure("NHS number not set: \(reply.status)") }
        return ids
    }

    @Test func patientsAreFoundByNameIdentifierAndBirthDate() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ids = try await Self.register(app, clinician)
            func found(_ query: String) async throws -> Set<UUID> {
                let reply = try await app.fhir("fhir/Patient?\(query)", clinician)
                #expect(reply.status == .ok, "\(query): \(reply.text.prefix(300))")
                return Set(try reply.bundle().entry?.compactMap { $0.resource?.id.flatMap(UUID.init(uuidString:)) } ?? [])
            }
            // "ad" starts Ada and Adele; it is inside "Grace"/"Goldberg" only as a substring.
            #expect(try await found("name=ad") == [ids["Ada"]!, ids["Adele"]!])
            // "ra" is inside gRAce and barbaRA only.
            #expect(try await found("name:contains=ra") == [ids["Barbara"]!, ids["Grace"]!])
            #expect(try await found("name=ada%20love") == [ids["Ada"]!])
            #expect(try await found("name:exact=Turing") == [ids["Alan"]!])
            #expect(try await found("name:exact=turing") == [])
            #expect(try await found("name=ada,alan") == [ids["Ada"]!, ids["Alan"]!])
            #expect(try await found("identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919") == [ids["Grace"]!])
            #expect(try await found("identifier=9434765919") == [ids["Grace"]!])
            #expect(try await found("identifier=http://other.example/id%7C9434765919") == [])
            // 1976: Grace (Dec) and Alan (Jun); before 1945-07-22 only Barbara; ge 1976-07 only Grace.
            #expect(try await found("birthdate=1976") == [ids["Grace"]!, ids["Alan"]!])
            #expect(try await found("birthdate=lt1945-07-22") == [ids["Barbara"]!])
            #expect(try await found("birthdate=ge1976-07") == [ids["Grace"]!])
            #expect(try await found("birthdate=gt1975-12-10&birthdate=le1976-06-23") == [ids["Alan"]!])
            #expect(try await found("birthdate=ne1976") == [ids["Ada"]!, ids["Adele"]!, ids["Barbara"]!])
        }
    }

    @Test func pagesWalkTheWholeSetExactlyOnceInAStableOrder() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ids = try await Self.register(app, clinician)
            let walk = try await app.fhirWalk("fhir/Patient?_count=2", clinician)
            #expect(walk.total == 5)
            #expect(walk.pages == 3)
            // Ordered by family name: Goldberg, Hopper, Liskov, Lovelace, Turing.
            #expect(walk.ids == ["Adele", "Grace", "Barbara", "Ada", "Alan"].map { ids[$0]!.uuidString })

            let first = try await app.fhir("fhir/Patient?name=a&_count=2", clinician).bundle()
            let links = Dictionary(uniqueKeysWithValues: (first.link ?? []).map { ($0.relation, $0.url) })
            #expect(links["self"]?.hasSuffix("/fhir/Patient?name=a&_count=2&_offset=0") == true)
            #expect(links["next"]?.hasSuffix("/fhir/Patient?name=a&_count=2&_offset=2") == true)
            #expect(links["previous"] == nil)
            #expect(first.type == .searchset)
            #expect(first.entry?.first?.search?.mode == .match)
            #expect(first.entry?.first?.fullUrl?.hasSuffix("/fhir/Patient/\(ids["Adele"]!.uuidString)") == true)

            let last = try await app.fhir("fhir/Patient?_count=2&_offset=4", clinician).bundle()
            #expect(last.entry?.count == 1)
            #expect(last.link?.map(\.relation) == ["self", "previous"])

            let countOnly = try await app.fhir("fhir/Patient?_count=0", clinician).bundle()
            #expect(countOnly.total == 5)
            #expect(countOnly.entry == nil)
        }
    }

    @Test func aPatientReadShowsTheDemographicsWithTheNHSNumberSystem() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ids = try await Self.register(app, clinician)
            let reply = try await app.fhir("fhir/Patient/\(ids["Grace"]!)", clinician)
            #expect(reply.status == .ok)
            guard case .patient(let patient) = try reply.resource() else { throw TreatmentFixture.Failure(reply.text) }
            #expect(patient.id == ids["Grace"]!.uuidString)
            #expect(patient.identifier == [Identifier(use: .official, system: "https://fhir.nhs.uk/Id/nhs-number", value: "9434765919")])
            #expect(patient.name?.first?.family == "Hopper")
            #expect(patient.name?.first?.given == ["Grace"])
            #expect(patient.birthDate?.text == "1976-12-09")
            #expect(patient.gender == .female)

            // The read and the search are audited under the FHIR type, for the patient.
            _ = try await app.fhir("fhir/Patient?name=grace", clinician)
            await app.flushAudit()
            let entries = try await AuditEventModel.query(on: app.db).filter(\.$patientID == ids["Grace"]!)
                .filter(\.$userID == clinician.userID).filter(\.$resourceType == "Patient").all()
            #expect(Set(entries.map(\.action)).isSuperset(of: ["read", "search"]))
        }
    }
}
