import Foundation
import TenderpointCore
import TenderpointFHIR
@testable import TenderpointServer
import Testing
import VaporTesting

/// A session of 40 U (trapezius left and right, 20 U each, lot C1234 expiring 2027-06-30) as a
/// Procedure with two MedicationAdministrations, and its consent and appointments.
@Suite struct FHIRTreatmentTests {
    @Test func aSessionIsAProcedureWithOneAdministrationPerInjection() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, consent) = try await TreatmentFixture.patientWithFirstSession(app, clinician)

            let procedures = try await app.fhir("fhir/Procedure?patient=\(patient)", clinician).bundle()
            #expect(procedures.total == 1)
            guard case .procedure(let procedure) = procedures.entry?.first?.resource else { throw TreatmentFixture.Failure("no procedure") }
            #expect(procedure.code?.coding == [Coding(system: "http://snomed.info/sct", code: "442695005", display: "Injection of botulinum toxin")])
            #expect(procedure.status == .completed)
            #expect(procedure.performer?.first?.actor.reference == "Practitioner/\(clinician.userID.uuidString)")
            #expect(procedure.extension?.first { $0.url == "urn:tenderpoint:extension:total-units" }?.value
                    == .quantity(Quantity(value: 40, unit: "U", system: "http://unitsofmeasure.org", code: "[arb'U]")))

            let administrations = try await app.fhir("fhir/MedicationAdministration?patient=Patient/\(patient)", clinician).bundle()
            #expect(administrations.total == 2)
            let given = (administrations.entry ?? []).compactMap { entry -> MedicationAdministration? in
                if case .medicationAdministration(let administration) = entry.resource { administration } else { nil }
            }
            #expect(given.map { $0.dosage?.site?.coding?.first?.code } == ["trapezius.left", "trapezius.right"])
            for administration in given {
                #expect(administration.dosage?.dose == Quantity(value: 20, unit: "U", system: "http://unitsofmeasure.org", code: "[arb'U]"))
                #expect(administration.dosage?.route?.coding?.first?.code == "78421000")
                #expect(administration.partOf?.map(\.reference) == ["Procedure/\(procedure.id!)"])
                #expect(administration.medication == .reference(Reference(reference: "#vial", display: "onabotulinumtoxinA (Botox)")))
                guard case .medication(let medication) = administration.contained?.first else { throw TreatmentFixture.Failure("no Medication") }
                #expect(medication.batch?.lotNumber == "C1234")
                #expect(medication.batch?.expirationDate?.text == "2027-06-30")
                #expect(medication.code?.coding?.map(\.code) == ["onabotulinumtoxinA", "M03AX01", "108890005"])
            }

            let consents = try await app.fhir("fhir/Consent?patient=\(patient)", clinician).bundle()
            #expect(consents.entry?.first?.resource?.id == consent.uuidString)
            let appointments = try await app.fhir("fhir/Appointment?patient=\(patient)&status=booked", clinician).bundle()
            // The day-8, week-3 and week-12 follow-ups were booked with the session.
            #expect(appointments.total == 3)
            let fulfilled = try await app.fhir("fhir/Appointment?patient=\(patient)&status=fulfilled", clinician).bundle()
            #expect(fulfilled.total == 0)
        }
    }

    @Test func anAdverseEventPointsAtTheSessionsProcedure() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, _) = try await TreatmentFixture.patientWithFirstSession(app, clinician)
            let session = try #require(try await TreatmentSessionModel.query(on: app.db).first()?.id)
            let reply = try await TreatmentFixture.send(app, .POST, "api/patients/\(patient)/sessions/\(session)/adverse-events", clinician,
                                                        json: ["kind": "bruising", "onsetDate": "2026-06-02", "severity": "mild", "serious": false])
            #expect(reply.status == .created, "\(reply.text)")
            let events = try await app.fhir("fhir/AdverseEvent?patient=\(patient)&date=2026-06-02", clinician).bundle()
            guard case .adverseEvent(let event) = events.entry?.first?.resource else { throw TreatmentFixture.Failure("no adverse event") }
            #expect(event.suspectEntity?.first?.instance.reference == "Procedure/\(session.uuidString)")
            #expect(event.severity?.coding?.first?.code == "mild")
            #expect(event.seriousness?.coding?.first?.code == "non-serious")
            #expect(event.outcome?.coding?.first?.code == "ongoing")
            #expect(try await app.fhir("fhir/AdverseEvent?patient=\(patient)&date=gt2026-06-02", clinician).bundle().total == 0)
        }
    }
}
