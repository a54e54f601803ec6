import Foundation
import Testing
@testable import TenderpointCore

@Suite struct FIQRSeverityBandsTests {
    @Test(arguments: [
        (0, FIQRSeverityBand.remission), (23.9, .remission), (24, .mild), (40.9999, .mild), (41, .moderate),
        (63.9, .moderate), (64, .severe), (82.9, .severe), (83, .verySevere), (100, .verySevere),
    ])
    func standardBandEdges(total: Double, band: FIQRSeverityBand) {
        #expect(FIQRSeverityBands.standard.band(for: total) == band)
    }

    @Test func justBelowACutPointStaysInTheLowerBand() {
        #expect(FIQRSeverityBands.standard.band(for: 41.0.nextDown) == .mild)
        #expect(FIQRSeverityBands.standard.band(for: 83.0.nextDown) == .severe)
    }

    @Test func customCutPoints() throws {
        let bands = try FIQRSeverityBands(mild: 20, moderate: 40, severe: 60, verySevere: 80)
        #expect(bands.band(for: 19.9) == .remission)
        #expect(bands.band(for: 20) == .mild)
        #expect(bands.band(for: 79.9) == .severe)
        #expect(bands.band(for: 80) == .verySevere)
        #expect(try FIQRSeverityBands(mild: 0, moderate: 1, severe: 2, verySevere: 100).band(for: 0) == .mild)
    }

    @Test func cutPointsMustIncreaseStrictly() {
        let error = #expect(throws: Problems.self) {
            try FIQRSeverityBands(mild: 30, moderate: 30, severe: 64, verySevere: 50)
        }
        #expect(error?.all.map(\.code) == [.invalidValue, .invalidValue])
        #expect(error?.all.map(\.field) == ["moderate", "verySevere"])
    }

    @Test func cutPointsMustLieWithinZeroToHundred() {
        let error = #expect(throws: Problems.self) {
            try FIQRSeverityBands(mild: -1, moderate: 41, severe: 64, verySevere: 100.5)
        }
        #expect(error?.all.map(\.code) == [.valueOutOfRange, .valueOutOfRange])
        #expect(error?.all.map(\.field) == ["mild", "verySevere"])
    }

    @Test func decodingValidates() throws {
        let good = try JSONDecoder().decode(FIQRSeverityBands.self,
                                            from: Data(#"{"mild":24,"moderate":41,"severe":64,"verySevere":83}"#.utf8))
        #expect(good == .standard)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(FIQRSeverityBands.self,
                                     from: Data(#"{"mild":50,"moderate":41,"severe":64,"verySevere":83}"#.utf8))
        }
    }
}
