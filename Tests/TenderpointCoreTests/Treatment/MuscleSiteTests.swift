import Foundation
import Testing
@testable import TenderpointCore

@Suite struct MuscleSiteTests {
    @Test func identifierAndName() {
        let site = MuscleSite(.levatorScapulae, .right)
        #expect(site.id == "levatorScapulae.right")
        #expect(site.name == "Levator scapulae, right")
        #expect(MuscleSite(id: "levatorScapulae.right") == site)
    }

    @Test(arguments: ["", "levatorScapulae", "levatorscapulae.left", "levatorScapulae.up",
                      "levatorScapulae.left.x", "occiput.left", ".left"])
    func unknownIdentifiers(id: String) {
        #expect(MuscleSite(id: id) == nil)
    }

    @Test func allTwentyEightInOrder() {
        #expect(MuscleSite.all.count == 28)
        #expect(Set(MuscleSite.all).count == 28)
        #expect(MuscleSite.all.prefix(3).map(\.id) == ["trapezius.left", "trapezius.right", "levatorScapulae.left"])
        #expect(MuscleSite.all.last?.id == "tensorFasciaeLatae.right")
        #expect(MuscleSite.all.sorted() == MuscleSite.all)
        #expect(MuscleSite.all.reversed().sorted() == MuscleSite.all)
    }

    @Test func jsonIsTheIdentifier() throws {
        let data = try JSONEncoder().encode(MuscleSite(.piriformis, .left))
        #expect(String(decoding: data, as: UTF8.self) == #""piriformis.left""#)
        #expect(try JSONDecoder().decode(MuscleSite.self, from: data) == MuscleSite(.piriformis, .left))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MuscleSite.self, from: Data(#""knee.left""#.utf8)) }
    }
}
