import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Helpers shared by the treatment tests (vials, sessions, adverse events, settings): raw JSON
/// in and out, so the tests see exactly what a client sends and receives.
enum TreatmentFixture {
    struct Reply {
        let status: HTTPStatus
        let text: String

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONCoding.decoder().decode(T.self, from: Data(text.utf8))
        }

        var error: ErrorBody? { try? JSONDecoder().decode(ErrorBody.self, from: Data(text.utf8)) }

        /// `code@field` of every problem, in order.
        var problems: [String] { error?.all.map { "\($0.code)@\($0.field ?? "-")" } ?? [] }
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ auth: SignedIn?,
                     json: Any? = nil) async throws -> Reply {
        var reply = Reply(status: .ok, text: "")
        try await app.testing().test(method, path, headers: auth?.headers ?? [:], beforeRequest: { request in
            if let json {
                request.headers.contentType = .json
                request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
            }
        }, afterResponse: { (response: TestingHTTPResponse) in
            reply = Reply(status: response.status, text: String(buffer: response.body))
        })
        return reply
    }

    static func patient(_ app: Application, _ auth: SignedIn, family: String = "Lovelace",
                        birthDate: String = "1975-12-10") async throws -> UUID {
        let reply = try await send(app, .POST, "api/patients", auth,
                                   json: ["givenName": "Ada", "familyName": family, "birthDate": birthDate, "sex": "female"])
        guard reply.status == .created, let id = (reply.json["id"] as? String).flatMap(UUID.init(uuidString:)) else {
            throw Failure("patient not created: \(reply.text)")
        }
        return id
    }

    /// A consent row as the consent API would record it.
    static func consent(_ app: Application, patient: UUID, recordedBy: UUID, date: String = "2026-05-01") async throws -> UUID {
        let consent = ConsentModel()
        consent.id = UUID()
        consent.$patient.id = patient
        consent.date = date
        consent.informationVersion = "v3"
        consent.signedBy = "Ada Lovelace"
        consent.$recorder.id = recordedBy
        try await consent.create(on: app.db)
        return consent.id!
    }

    static func vial(_ app: Application, _ auth: SignedIn, product: String = "onabotulinumtoxinA", lot: String = "C1234",
                     expiry: String = "2027-06-30", units: Int = 100, diluentMl: Double? = 2.5,
                     reconstitutedAt: String? = "2026-06-01T08:00:00Z") async throws -> UUID {
        var body: [String: Any] = ["product": product, "lotNumber": lot, "expiryDate": expiry, "units": units]
        if let diluentMl { body["diluentMl"] = diluentMl }
        if let reconstitutedAt { body["reconstitutedAt"] = reconstitutedAt }
        let reply = try await send(app, .POST, "api/vials", auth, json: body)
        guard reply.status == .created, let id = (reply.json["id"] as? String).flatMap(UUID.init(uuidString:)) else {
            throw Failure("vial not created: \(reply.text)")
        }
        return id
    }

    static let allNo: [String: Bool] = Dictionary(uniqueKeysWithValues: ScreeningItem.allCases.map { ($0.rawValue, false) })

    static func screening(yes items: String...) -> [String: Bool] {
        var answers = allNo
        for item in items { answers[item] = true }
        return answers
    }

    static func injection(_ vial: UUID, tenderPoint: String, units: Any) -> [String: Any] {
        ["vialId": vial.uuidString, "site": ["tenderPoint": tenderPoint], "units": units]
    }

    static func injection(_ vial: UUID, muscle: String, units: Any, chart: [String: Any]? = nil) -> [String: Any] {
        var site: [String: Any] = ["muscle": muscle]
        if let chart { site["chart"] = chart }
        return ["vialId": vial.uuidString, "site": site, "units": units]
    }

    /// Trapezius left and right, 20 U each: 40 U.
    static func standardInjections(_ vial: UUID) -> [[String: Any]] {
        [injection(vial, tenderPoint: "trapezius.left", units: 20), injection(vial, tenderPoint: "trapezius.right", units: 20)]
    }

    static func session(date: String, consent: UUID?, injections: [[String: Any]], screening: [String: Bool] = allNo,
                        acknowledged: [String] = [], override: String? = nil, supervisor: UUID? = nil,
                        extra: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = ["date": date, "screening": screening, "acknowledged": acknowledged, "injections": injections]
        if let consent { body["consentId"] = consent.uuidString }
        if let override { body["override"] = ["reason": override] }
        if let supervisor { body["supervisorId"] = supervisor.uuidString }
        for (key, value) in extra { body[key] = value }
        return body
    }

    /// A patient with consent and a first session of 40 U on Monday 2026-06-01, charted by `clinician`.
    static func patientWithFirstSession(_ app: Application, _ clinician: SignedIn) async throws -> (patient: UUID, consent: UUID) {
        let patient = try await self.patient(app, clinician)
        let consent = try await self.consent(app, patient: patient, recordedBy: clinician.userID)
        let vial = try await self.vial(app, clinician)
        let reply = try await send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                   json: session(date: "2026-06-01", consent: consent, injections: standardInjections(vial)))
        guard reply.status == .created else { throw Failure("first session refused: \(reply.text)") }
        return (patient, consent)
    }

    static func counts(_ app: Application) async throws -> (sessions: Int, injections: Int, appointments: Int) {
        (try await TreatmentSessionModel.query(on: app.db).count(), try await InjectionModel.query(on: app.db).count(),
         try await AppointmentModel.query(on: app.db).count())
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
