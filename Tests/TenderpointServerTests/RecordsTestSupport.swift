import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import Vapor
import VaporTesting

/// A response of the records API, kept as bytes so a test can check exact JSON (nulls included)
/// or decode it into the API's own DTOs.
struct RecordsResponse {
    let status: HTTPStatus
    let body: Data

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONCoding.decoder().decode(type, from: body)
    }

    var error: ErrorBody? { try? decode(ErrorBody.self) }
    /// Every problem's field, in order.
    var fields: [String?] { error?.all.map(\.field) ?? [] }
}

extension Application {
    /// Sends `json` (any JSONSerialization value, so nulls and mixed types are easy) to `path`.
    func records(_ method: HTTPMethod, _ path: String, _ auth: SignedIn?, json: Any? = nil) async throws -> RecordsResponse {
        var result = RecordsResponse(status: .ok, body: Data())
        let body = try json.map { try JSONSerialization.data(withJSONObject: $0) }
        try await testing().test(method, path, headers: auth?.headers ?? [:], beforeRequest: { request in
            if let body {
                request.headers.contentType = .json
                request.body = ByteBuffer(data: body)
            }
        }, afterResponse: { (response: TestingHTTPResponse) in
            result = RecordsResponse(status: response.status, body: Data(response.body.readableBytesView))
        })
        return result
    }

    /// Registers a patient through the API and returns their id.
    func recordsPatient(_ auth: SignedIn, given: String = "Ada", family: String = "Lovelace",
                        birthDate: String = "1975-12-10") async throws -> UUID {
        let response = try await records(.POST, "api/patients", auth, json: [
            "givenName": given, "familyName": family, "birthDate": birthDate, "sex": "female",
        ])
        guard response.status == .created else { throw RecordsTestFailure(message: "patient not created: \(response.status)") }
        return try response.decode(PatientDTO.self).id
    }

    /// The clinic's today, as the server computes it (tests run in Europe/London).
    var recordsToday: CalendarDate { CalendarDate(Date(), in: tenderpoint.clinicTimeZone) }
}

struct RecordsTestFailure: Error {
    let message: String
}
