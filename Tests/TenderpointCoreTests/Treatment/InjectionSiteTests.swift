import Foundation
import Testing
@testable import TenderpointCore

@Suite struct InjectionSiteTests {
    private static let point = InjectionSite.tenderPoint(TenderPointSite(.trapezius, .left))
    private static let muscle = InjectionSite.muscle(MuscleSite(.levatorScapulae, .right))

    private static func decode(_ json: String) throws -> InjectionSite {
        try JSONDecoder().decode(InjectionSite.self, from: Data(json.utf8))
    }

    @Test func properties() {
        #expect(Self.point.id == "trapezius.left")
        #expect(Self.point.kind == .tenderPoint)
        #expect(Self.point.side == .left)
        #expect(Self.point.name == "Trapezius, left (tender point)")
        #expect(Self.muscle.id == "levatorScapulae.right")
        #expect(Self.muscle.kind == .muscle)
        #expect(Self.muscle.side == .right)
        #expect(Self.muscle.name == "Levator scapulae, right (muscle)")
        #expect(Self.muscle.description == "muscle:levatorScapulae.right")
    }

    @Test func buildingFromKindAndIdentifier() {
        #expect(InjectionSite(kind: .tenderPoint, id: "trapezius.left") == Self.point)
        #expect(InjectionSite(kind: .muscle, id: "levatorScapulae.right") == Self.muscle)
        #expect(InjectionSite(kind: .muscle, id: "occiput.left") == nil)
        #expect(InjectionSite(kind: .tenderPoint, id: "levatorScapulae.right") == nil)
    }

    @Test func aTenderPointAndAMuscleOfTheSameNameAreDifferentSites() {
        let muscle = InjectionSite.muscle(MuscleSite(.trapezius, .left))
        #expect(muscle.id == Self.point.id)
        #expect(muscle != Self.point)
        #expect(Set([muscle, Self.point]).count == 2)
    }

    @Test func encodesAsOneKey() throws {
        let encoder = JSONEncoder()
        #expect(String(decoding: try encoder.encode(Self.point), as: UTF8.self) == #"{"tenderPoint":"trapezius.left"}"#)
        #expect(String(decoding: try encoder.encode(Self.muscle), as: UTF8.self) == #"{"muscle":"levatorScapulae.right"}"#)
    }

    @Test func decodesTheDomainJson() throws {
        #expect(try Self.decode(#"{"tenderPoint": "trapezius.left"}"#) == Self.point)
        #expect(try Self.decode(#"{"muscle": "levatorScapulae.right"}"#) == Self.muscle)
        // The chart beside the site belongs to the enclosing object.
        #expect(try Self.decode(#"{"muscle": "levatorScapulae.right", "chart": {"view": "back", "x": 41.5, "y": 22.0}}"#) == Self.muscle)
    }

    @Test(arguments: [
        #"{}"#,
        #"{"tenderPoint": "trapezius.left", "muscle": "trapezius.left"}"#,
        #"{"tenderPoint": "levatorScapulae.right"}"#,
        #"{"muscle": "occiput.left"}"#,
        #"{"muscle": null}"#,
        #"{"muscle": 3}"#,
        #""trapezius.left""#,
    ])
    func refusesAnythingElse(json: String) {
        #expect(throws: DecodingError.self) { try Self.decode(json) }
    }
}
