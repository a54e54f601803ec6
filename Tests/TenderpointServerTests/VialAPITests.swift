import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

@Suite struct VialAPITests {
    typealias F = TreatmentFixture

    @Test func theContractsVial() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let reply = try await F.send(app, .POST, "api/vials", clinician, json: [
                "product": "onabotulinumtoxinA", "lotNumber": " C1234 ", "expiryDate": "2027-06-30", "units": 100,
                "diluentMl": 2.5, "reconstitutedAt": "2026-06-01T08:00:00Z",
            ])
            #expect(reply.status == .created)
            // 100 U ÷ (2.5 mL × 10) = 4 U per 0.1 mL, a JSON number.
            #expect(reply.text.contains(#""unitsPerTenthMl":4"#))
            #expect(reply.json["unitsPerTenthMl"] as? Int == 4)
            #expect(reply.json["unitsPerMl"] as? Int == 40)
            #expect(reply.json["lotNumber"] as? String == "C1234")
            #expect(reply.json["units"] as? Int == 100)
            #expect(reply.json["diluentMl"] as? Double == 2.5)
            #expect(reply.json["state"] as? String == "inUse")
            // Reconstituted on 1 June: past its 24 hours now.
            #expect(reply.json["usableUntil"] as? String == "2026-06-02T08:00:00Z")
            #expect(reply.json["usableNow"] as? Bool == false)
            #expect(reply.json["id"] is String)

            let eight = try await F.send(app, .POST, "api/vials", clinician, json: [
                "product": "onabotulinumtoxinA", "lotNumber": "C1234", "expiryDate": "2027-06-30", "units": 100, "diluentMl": 8,
                "reconstitutedAt": "2026-06-01T08:00:00Z",
            ])
            #expect(eight.text.contains(#""unitsPerTenthMl":1.25"#))
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "Vial").count() == 2)
        }
    }

    @Test func anUnopenedVialIsReconstitutedLater() async throws {
        try await withTestApp { app, _ in
            let nurse = try await app.signIn(.nurse)
            let id = try await F.vial(app, nurse, product: "incobotulinumtoxinA", diluentMl: nil, reconstitutedAt: nil)
            let created = try await F.send(app, .GET, "api/vials/\(id)", nurse)
            #expect(created.json["state"] as? String == "unopened")
            #expect(created.json["unitsPerTenthMl"] is NSNull)
            #expect(created.json["diluentMl"] is NSNull)
            #expect(created.json["usableNow"] as? Bool == false)

            let at = JSONCoding.formatInstant(Date().addingTimeInterval(-600))
            let reply = try await F.send(app, .POST, "api/vials/\(id)/reconstitute", nurse, json: ["diluentMl": 4, "reconstitutedAt": at])
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json["state"] as? String == "inUse")
            #expect(reply.json["unitsPerTenthMl"] as? Double == 2.5)
            #expect(reply.json["usableNow"] as? Bool == true)

            let again = try await F.send(app, .POST, "api/vials/\(id)/reconstitute", nurse, json: ["diluentMl": 4])
            #expect(again.status == .conflict)
            #expect(again.error?.error.code == "invalid_state")

            let other = try await F.vial(app, nurse, diluentMl: nil, reconstitutedAt: nil)
            let tooMuch = try await F.send(app, .POST, "api/vials/\(other)/reconstitute", nurse, json: ["diluentMl": 12])
            #expect(tooMuch.problems == ["value_out_of_range@diluentMl"])
            let future = try await F.send(app, .POST, "api/vials/\(other)/reconstitute", nurse,
                                          json: ["diluentMl": 2, "reconstitutedAt": "2099-01-01T00:00:00Z"])
            #expect(future.problems == ["invalid_date@reconstitutedAt"])
            #expect(try await VialModel.find(other, on: app.db)?.state == "unopened")
        }
    }

    @Test func theCoreRefusesABadVialAndNothingIsWritten() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let unknown = try await F.send(app, .POST, "api/vials", clinician, json: [
                "product": "botox", "lotNumber": "X", "expiryDate": "2027-02-30", "units": 100,
            ])
            #expect(unknown.problems == ["unknown_identifier@product", "invalid_date@expiryDate"])
            let wrong = try await F.send(app, .POST, "api/vials", clinician, json: [
                "product": "onabotulinumtoxinA", "lotNumber": " ", "expiryDate": "2027-06-30", "units": 150, "diluentMl": 0,
                "reconstitutedAt": "2026-06-01T08:00:00Z",
            ])
            #expect(wrong.problems == ["value_out_of_range@units", "invalid_value@lotNumber", "value_out_of_range@diluentMl"])
            let solution = try await F.send(app, .POST, "api/vials", clinician, json: [
                "product": "rimabotulinumtoxinB", "lotNumber": "B77", "expiryDate": "2027-06-30", "units": 5000, "diluentMl": 1,
            ])
            #expect(solution.problems == ["invalid_value@diluentMl"])
            let missing = try await F.send(app, .POST, "api/vials", clinician, json: ["product": "onabotulinumtoxinA"])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.error?.error.field == "lotNumber")
            #expect(try await VialModel.query(on: app.db).count() == 0)
        }
    }

    @Test func usableVialsOfAProduct() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let recent = JSONCoding.formatInstant(Date().addingTimeInterval(-3600))
            let usable = try await F.vial(app, clinician, lot: "A", reconstitutedAt: recent)
            _ = try await F.vial(app, clinician, lot: "B", diluentMl: nil, reconstitutedAt: nil)
            let expired = try await F.vial(app, clinician, lot: "C", expiry: "2026-01-31", reconstitutedAt: recent)
            let finished = try await F.vial(app, clinician, lot: "D", reconstitutedAt: recent)
            let stale = try await F.vial(app, clinician, lot: "E")  // reconstituted 2026-06-01
            let xeomin = try await F.vial(app, clinician, product: "incobotulinumtoxinA", lot: "F", reconstitutedAt: recent)
            let solution = try await F.vial(app, clinician, product: "rimabotulinumtoxinB", lot: "G", units: 5000,
                                            diluentMl: nil, reconstitutedAt: nil)
            let closed = try await F.send(app, .PATCH, "api/vials/\(finished)", clinician, json: ["state": "finished"])
            #expect(closed.json["state"] as? String == "finished")

            let ona = try await F.send(app, .GET, "api/vials?usable=true&product=onabotulinumtoxinA", clinician)
                .decode(Listing<VialDTO>.self)
            #expect(ona.items.map(\.id) == [usable])
            let all = try await F.send(app, .GET, "api/vials?usable=true", clinician).decode(Listing<VialDTO>.self)
            // Newest first; an unopened solution is usable as supplied.
            #expect(all.items.map(\.id) == [solution, xeomin, usable])
            let everything = try await F.send(app, .GET, "api/vials", clinician).decode(Listing<VialDTO>.self)
            #expect(everything.total == 7)
            #expect(everything.items.first { $0.id == expired }?.state == .inUse)
            #expect(everything.items.first { $0.id == expired }?.expired == true)
            #expect(everything.items.first { $0.id == stale }?.state == .inUse)
            #expect(everything.items.first { $0.id == stale }?.expired == false)
            let lot = try await F.send(app, .GET, "api/vials?lot=c", clinician).decode(Listing<VialDTO>.self)
            #expect(lot.items.map(\.id) == [expired])
            let bad = try await F.send(app, .GET, "api/vials?product=botox", clinician)
            #expect(bad.problems == ["unknown_identifier@product"])
        }
    }

    @Test func aClosedVialStaysClosed() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let id = try await F.vial(app, clinician)
            let unexplained = try await F.send(app, .PATCH, "api/vials/\(id)", clinician, json: ["state": "discarded"])
            #expect(unexplained.problems == ["invalid_value@reason"])
            let discarded = try await F.send(app, .PATCH, "api/vials/\(id)", clinician,
                                             json: ["state": "discarded", "reason": "24 hours passed"])
            #expect(discarded.status == .ok)
            #expect(discarded.json["state"] as? String == "discarded")
            #expect(discarded.json["usableNow"] as? Bool == false)
            let reopen = try await F.send(app, .PATCH, "api/vials/\(id)", clinician, json: ["state": "finished"])
            #expect(reopen.status == .conflict)
            let invalid = try await F.send(app, .PATCH, "api/vials/\(id)", clinician, json: ["state": "inUse"])
            #expect(invalid.problems == ["unknown_identifier@state"])
            #expect(try await F.send(app, .GET, "api/vials/\(UUID())", clinician).status == .notFound)
        }
    }

    @Test func whoMayTouchTheStock() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let admin = try await app.signIn(.admin)
            let reception = try await app.signIn(.reception)
            let patient = try await F.patient(app, clinician)
            let own = try await app.signIn(.patient, patientID: patient)
            let id = try await F.vial(app, clinician)
            let body: [String: Any] = ["product": "onabotulinumtoxinA", "lotNumber": "X", "expiryDate": "2027-06-30", "units": 100]
            for user in [admin, reception, own] {
                #expect(try await F.send(app, .POST, "api/vials", user, json: body).status == .forbidden)
            }
            #expect(try await F.send(app, .GET, "api/vials/\(id)", admin).status == .ok)
            #expect(try await F.send(app, .GET, "api/vials/recall?lot=C1234", admin).status == .ok)
            for user in [reception, own] {
                #expect(try await F.send(app, .GET, "api/vials", user).status == .forbidden)
                #expect(try await F.send(app, .GET, "api/vials/recall?lot=C1234", user).status == .forbidden)
            }
            #expect(try await VialModel.query(on: app.db).count() == 1)
        }
    }

    @Test func aLotRecallFindsEveryPatientAndSession() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ada = try await F.patient(app, clinician, family: "Lovelace")
            let charles = try await F.patient(app, clinician, family: "Babbage")
            let grace = try await F.patient(app, clinician, family: "Hopper")
            // Two vials of lot C1234 (typed in two cases) and one of another lot.
            let first = try await F.vial(app, clinician, lot: "C1234")
            let second = try await F.vial(app, clinician, lot: "c1234")
            let other = try await F.vial(app, clinician, lot: "Z9")
            for (patient, injections) in [
                (ada, [F.injection(first, tenderPoint: "trapezius.left", units: 20), F.injection(other, tenderPoint: "trapezius.right", units: 15)]),
                (charles, [F.injection(first, tenderPoint: "knee.left", units: 10), F.injection(second, tenderPoint: "knee.right", units: 12.5)]),
                (grace, [F.injection(other, tenderPoint: "knee.left", units: 10)]),
            ] {
                let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
                let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                             json: F.session(date: "2026-06-01", consent: consent, injections: injections))
                #expect(reply.status == .created, "\(reply.text)")
            }
            let recall = try await F.send(app, .GET, "api/vials/recall?lot=C1234", clinician)
            #expect(recall.status == .ok)
            let result = try recall.decode(LotRecallDTO.self)
            #expect(result.vials.map(\.id) == [first, second])
            #expect(result.patientCount == 2)
            // Ordered by family name: Babbage, then Lovelace.
            #expect(result.patients.map(\.id) == [charles, ada])
            #expect(result.patients.map(\.name) == ["Ada Babbage", "Ada Lovelace"])
            #expect(result.patients[0].sessions.map(\.units) == [Units(tenths: 225)])
            #expect(result.patients[1].sessions.map(\.units) == [Units(20)])
            #expect(result.patients[1].sessions.map(\.totalUnits) == [Units(35)])
            #expect(result.patients[1].sessions.map(\.date.iso) == ["2026-06-01"])

            await app.flushAudit()
            let exports = try await AuditEventModel.query(on: app.db).filter(\.$action == "export").all()
            #expect(Set(exports.compactMap(\.patientID)) == [ada, charles])
            #expect(exports.allSatisfy { $0.resourceType == "LotRecall" && $0.userID == clinician.userID })

            let none = try await F.send(app, .GET, "api/vials/recall?lot=NOPE", clinician).decode(LotRecallDTO.self)
            #expect(none.patients.isEmpty && none.vials.isEmpty)
            #expect(try await F.send(app, .GET, "api/vials/recall", clinician).problems == ["invalid_value@lot"])
        }
    }
}
