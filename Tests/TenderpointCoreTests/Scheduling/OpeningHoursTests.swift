import Foundation
import Testing
@testable import TenderpointCore

@Test(arguments: [(540, 1020), (0, 1440), (0, 1), (1439, 1440)])
func validOpeningHours(open: Int, close: Int) throws {
    let hours = try OpeningHours(open: open, close: close)
    #expect(hours.open == open)
    #expect(hours.close == close)
}

@Test(arguments: [(540, 540), (1020, 540), (-1, 600), (600, 1441)])
func invalidOpeningHours(open: Int, close: Int) {
    #expect(throws: Problem.self) { try OpeningHours(open: open, close: close) }
    do {
        _ = try OpeningHours(open: open, close: close)
    } catch {
        #expect(error.code == .valueOutOfRange)
        #expect(error.field == "openingHours")
    }
}

@Test func standardIsNineToFive() {
    #expect(OpeningHours.standard.open == 9 * 60)
    #expect(OpeningHours.standard.close == 17 * 60)
}

@Test func openingHoursCodable() throws {
    let decoded = try JSONDecoder().decode(OpeningHours.self, from: Data(#"{"open":480,"close":780}"#.utf8))
    #expect(decoded == (try OpeningHours(open: 480, close: 780)))
    #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self).contains(#""close":780"#))
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(OpeningHours.self, from: Data(#"{"open":780,"close":480}"#.utf8))
    }
}
