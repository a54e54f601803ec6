import Foundation
import Testing
@testable import TenderpointCore

@Suite struct ChartedSiteTests {
    @Test func decodesTheDomainExample() throws {
        let json = #"{"muscle": "levatorScapulae.right", "chart": {"view": "back", "x": 41.5, "y": 22.0}}"#
        let charted = try JSONDecoder().decode(ChartedSite.self, from: Data(json.utf8))
        #expect(charted.site == .muscle(MuscleSite(.levatorScapulae, .right)))
        #expect(charted.chart == (try ChartPoint(view: .back, x: 41.5, y: 22)))
    }

    @Test func chartIsOptional() throws {
        let charted = try JSONDecoder().decode(ChartedSite.self, from: Data(#"{"tenderPoint": "knee.right"}"#.utf8))
        #expect(charted == ChartedSite(site: .tenderPoint(TenderPointSite(.knee, .right))))
        #expect(String(decoding: try JSONEncoder().encode(charted), as: UTF8.self) == #"{"tenderPoint":"knee.right"}"#)
    }

    @Test func encodesOneObject() throws {
        let charted = ChartedSite(site: .tenderPoint(TenderPointSite(.gluteal, .left)),
                                  chart: try ChartPoint(view: .back, x: 30, y: 55.5))
        let data = try JSONEncoder().encode(charted)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?.keys.sorted() == ["chart", "tenderPoint"])
        #expect(object?["tenderPoint"] as? String == "gluteal.left")
        #expect(try JSONDecoder().decode(ChartedSite.self, from: data) == charted)
    }

    @Test func aBadChartOrSiteIsRefused() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ChartedSite.self, from: Data(#"{"muscle": "piriformis.left", "chart": {"view": "back", "x": -3, "y": 0}}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ChartedSite.self, from: Data(#"{"chart": {"view": "back", "x": 3, "y": 0}}"#.utf8))
        }
    }
}
