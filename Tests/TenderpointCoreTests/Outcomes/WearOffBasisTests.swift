import Foundation
import Testing
@testable import TenderpointCore

@Suite struct WearOffBasisTests {
    @Test(arguments: [
        (WearOffBasis.ownCycles(3), #"{"cycles":3,"source":"ownCycles"}"#),
        (.population, #"{"source":"population"}"#),
        (.defaults, #"{"source":"defaults"}"#),
    ])
    func flatJSON(basis: WearOffBasis, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(basis), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(WearOffBasis.self, from: Data(json.utf8)) == basis)
    }
}
