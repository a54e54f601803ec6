import Foundation
import Testing
@testable import TenderpointCore

@Suite struct ChartPointTests {
    private static func problems(_ x: Double, _ y: Double) -> [Problem] {
        do {
            _ = try ChartPoint(view: .front, x: x, y: y)
            return []
        } catch {
            return error.all
        }
    }

    @Test(arguments: [(0.0, 0.0), (100.0, 100.0), (41.5, 22.0)])
    func insideTheChart(x: Double, y: Double) throws {
        let point = try ChartPoint(view: .back, x: x, y: y)
        #expect(point.x == x && point.y == y && point.view == .back)
    }

    @Test(arguments: [(-0.1, 50.0, "chart.x"), (100.1, 50.0, "chart.x"), (50.0, -0.1, "chart.y"),
                      (50.0, 100.1, "chart.y"), (Double.nan, 50.0, "chart.x"), (50.0, Double.infinity, "chart.y")])
    func outsideTheChart(x: Double, y: Double, field: String) {
        let found = Self.problems(x, y)
        #expect(found.map(\.code) == [.valueOutOfRange])
        #expect(found.map(\.field) == [field])
    }

    @Test func bothCoordinatesReported() {
        #expect(Self.problems(-1, 101).map(\.field) == ["chart.x", "chart.y"])
    }

    @Test func json() throws {
        let point = try JSONDecoder().decode(ChartPoint.self, from: Data(#"{"view": "back", "x": 41.5, "y": 22.0}"#.utf8))
        #expect(point == (try ChartPoint(view: .back, x: 41.5, y: 22)))
        #expect(try JSONDecoder().decode(ChartPoint.self, from: JSONEncoder().encode(point)) == point)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ChartPoint.self, from: Data(#"{"view": "back", "x": 141.5, "y": 22.0}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ChartPoint.self, from: Data(#"{"view": "side", "x": 41.5, "y": 22.0}"#.utf8))
        }
    }
}
