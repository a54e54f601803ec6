import Fluent
import Foundation
import TenderpointCore
import TenderpointFHIR
@testable import TenderpointServer
import Testing
import VaporTesting

/// A patient signed in sees their own compartment only, whatever they ask for.
@Suite struct FHIRCompartmentTests {
    @Test func aPatientSearchesOnlyTheirOwnRecord() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try await FHIRObservationTests.record(app, clinician)
            let other = try await FHIRObservationTests.record(app, clinician)
            let patient = try await app.signIn(.patient, patientID: own.patient)

            // No patient named: their own 28 Observations, not the 56 of both.
            let observations = try await app.fhir("fhir/Observation?_count=100", patient).bundle()
            #expect(observations.total == 28)
            #expect(observations.entry?.allSatisfy {
                if case .observation(let observation) = $0.resource { observation.subject?.reference == "Patient/\(own.patient.uuidString)" } else { false }
            } == true)
            let patients = try await app.fhir("fhir/Patient", patient).bundle()
            #expect(patients.entry?.compactMap { $0.resource?.id } == [own.patient.uuidString])

            // Naming another patient is refused, and the refusal is on that patient's trail.
            let refused = try await app.fhir("fhir/Observation?patient=\(other.patient)", patient)
            #expect(refused.status == .forbidden)
            #expect(try refused.outcome().issue.first?.code == .forbidden)
            let read = try await app.fhir("fhir/Observation/\(other.assessment.uuidString)-wpi", patient)
            #expect(read.status == .forbidden)
            #expect(try await app.fhir("fhir/Patient/\(other.patient)", patient).status == .forbidden)
            #expect(try await app.fhir("fhir/Observation/\(own.assessment.uuidString)-wpi", patient).status == .ok)

            await app.flushAudit()
            let denied = try await AuditEventModel.query(on: app.db).filter(\.$patientID == other.patient)
                .filter(\.$action == "denied").all()
            #expect(denied.count == 3)
            #expect(Set(denied.map(\.resourceType)) == ["Observation", "Patient"])
            let searched = try await AuditEventModel.query(on: app.db).filter(\.$patientID == own.patient)
                .filter(\.$userID == patient.userID).filter(\.$action == "search").filter(\.$resourceType == "Observation").count()
            #expect(searched == 1)
        }
    }

    @Test func aPatientReadsTheAuditTrailOfTheirOwnRecordOnly() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let own = try await app.recordsPatient(clinician)
            let other = try await app.recordsPatient(clinician, given: "Grace", family: "Hopper")
            let patient = try await app.signIn(.patient, patientID: own)
            _ = try await app.fhir("fhir/Patient/\(own)", clinician)
            _ = try await app.fhir("fhir/Patient/\(other)", clinician)
            await app.flushAudit()

            let trail = try await app.fhir("fhir/AuditEvent?_count=1000", patient).bundle()
            let about = Set((trail.entry ?? []).compactMap { entry -> String? in
                guard case .auditEvent(let event) = entry.resource else { return nil }
                return event.entity?.first { $0.role?.code == "1" }?.what?.reference
            })
            #expect(about == ["Patient/\(own.uuidString)"])
            #expect((trail.total ?? 0) >= 2)  // the creation and the clinician's read at least
            #expect(try await app.fhir("fhir/AuditEvent?patient=\(other)", patient).status == .forbidden)
            #expect(try await app.fhir("fhir/AuditEvent", clinician).status == .forbidden)

            let admin = try await app.signIn(.admin)
            let everything = try await app.fhir("fhir/AuditEvent?patient=\(other)", admin).bundle()
            #expect((everything.total ?? 0) >= 2)
        }
    }
}
