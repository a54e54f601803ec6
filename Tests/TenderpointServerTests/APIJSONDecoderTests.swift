import Foundation
import NIOCore
import TenderpointCore
@testable import TenderpointServer
import Testing
import Vapor

/// The API's body decoder: Foundation's reading when it works, and the field named when a
/// well-formed number does not fit it.
@Suite struct APIJSONDecoderTests {
    struct Scores: Decodable, Equatable {
        var answers: [Int?]
    }

    struct Nested: Decodable, Equatable {
        struct Injection: Decodable, Equatable {
            var units: Decimal
            var count: Int
        }
        var injections: [Injection]
        var at: Date?
    }

    static let decoder = APIJSONDecoder(base: JSONCoding.decoder())

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try decoder.decode(T.self, from: ByteBuffer(string: json), headers: [:])
    }

    /// The error the API would answer with.
    static func refusal<T: Decodable>(_ type: T.Type, _ json: String) -> APIError? {
        do {
            _ = try decode(type, json)
            return nil
        } catch {
            return APIErrorMiddleware.translate(error)
        }
    }

    @Test(arguments: [
        ("0", JSONWholeNumber<Int>.value(0)), ("-0", .value(0)), ("10", .value(10)), ("1.0", .value(1)), ("1e1", .value(10)),
        ("100.00", .value(100)), ("1E+2", .value(100)), ("2500e-2", .value(25)), ("0e999999999", .value(0)),
        ("9223372036854775807", .value(Int.max)), ("-9223372036854775808", .value(Int.min)),
        ("3.5", .fraction), ("0.1", .fraction), ("1e-1", .fraction), ("1e-9999999", .fraction), ("25e-1", .fraction),
        ("9223372036854775808", .outOfRange), ("-9223372036854775809", .outOfRange), ("1e19", .outOfRange),
        ("1e400", .outOfRange), ("123456789012345678901234567890", .outOfRange), ("1e9999999999", .outOfRange),
    ])
    func wholeNumbers(text: String, expected: JSONWholeNumber<Int>) {
        #expect(JSONWholeNumber.read(text, as: Int.self) == expected)
    }

    @Test func unsignedRefusesNegatives() {
        #expect(JSONWholeNumber.read("-1", as: UInt8.self) == .outOfRange)
        #expect(JSONWholeNumber.read("255", as: UInt8.self) == .value(255))
        #expect(JSONWholeNumber.read("256", as: UInt8.self) == .outOfRange)
    }

    @Test func wellFormedBodiesReadAsFoundationReadsThem() throws {
        #expect(try Self.decode(Scores.self, #"{"answers":[1,null,10]}"#) == Scores(answers: [1, nil, 10]))
        let nested = try Self.decode(Nested.self, #"{"injections":[{"units":12.5,"count":2}],"at":"2026-06-01T09:30:00Z"}"#)
        #expect(nested.injections == [Nested.Injection(units: Decimal(string: "12.5")!, count: 2)])
        #expect(nested.at == JSONCoding.parseInstant("2026-06-01T09:30:00Z"))
    }

    @Test func aFractionForAWholeNumberNamesItsPlace() {
        let error = Self.refusal(Scores.self, #"{"answers":[1,1,1,1,3.5]}"#)
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.items == [APIError.Item(code: "value_out_of_range", message: "answers[4] must be a whole number, not 3.5.",
                                               field: "answers[4]")])
    }

    @Test func aNumberTooLargeNamesItsNestedPlace() {
        let error = Self.refusal(Nested.self, #"{"injections":[{"units":1,"count":1},{"units":1,"count":1e19}]}"#)
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.items.first?.field == "injections[1].count")
        #expect(error?.items.first?.message == "injections[1].count is out of range: 1e19.")
        let decimal = Self.refusal(Nested.self, #"{"injections":[{"units":1e400,"count":1}]}"#)
        #expect(decimal?.items.first?.field == "injections[0].units")
    }

    @Test func aDateStaysTheDateStrategysRefusal() {
        let error = Self.refusal(Nested.self, #"{"injections":[],"at":"yesterday"}"#)
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.items.first?.field == "at")
    }

    @Test func malformedJSONIsStillA400() {
        for body in [#"{"answers":[1,2"#, #"{"answers":[1,2]}x"#, "", #"{"answers":[01]}"#] {
            let error = Self.refusal(Scores.self, body)
            #expect(error?.status == .badRequest, "\(body)")
            #expect(error?.items.first?.code == "malformed_json", "\(body)")
        }
    }
}

