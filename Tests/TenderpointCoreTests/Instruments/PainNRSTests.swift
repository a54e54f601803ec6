import Foundation
import Testing
@testable import TenderpointCore

@Suite struct PainNRSTests {
    @Test(arguments: [0, 5, 10])
    func acceptsZeroToTen(value: Int) throws {
        #expect(try PainNRS(value).value == value)
    }

    @Test(arguments: [-1, 11])
    func rejectsOutOfRange(value: Int) {
        #expect(throws: Problems([Problem(.valueOutOfRange, "Pain NRS must be 0–10, not \(value).", field: "week3NRS")])) {
            try PainNRS(value, field: "week3NRS")
        }
    }

    @Test func defaultFieldIsTheDiaryKey() {
        let error = #expect(throws: Problems.self) { try PainNRS(12) }
        #expect(error?.all.first?.field == "painNRS")
    }

    @Test func loinc() {
        #expect(PainNRS.loincCode == "72514-3")
        #expect(PainNRS.loincSystem == "http://loinc.org")
    }

    @Test func codesAsABareNumberAndValidatesOnDecoding() throws {
        #expect(String(decoding: try JSONEncoder().encode(try PainNRS(7)), as: UTF8.self) == "7")
        #expect(try JSONDecoder().decode(PainNRS.self, from: Data("10".utf8)) == PainNRS(10))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PainNRS.self, from: Data("11".utf8)) }
    }
}
