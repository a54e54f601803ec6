import Foundation
import Testing
@testable import TenderpointCore

@Suite struct VialTests {
    private static let london = TimeZone(identifier: "Europe/London")!
    private static let utc = TimeZone(identifier: "UTC")!
    private static let expiry = CalendarDate(iso: "2026-06-30")!

    private static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    private static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    private static func powder(_ product: ToxinProduct = .onabotulinumtoxinA, size: Int = 100, diluent: String = "2.5",
                               reconstitutedAt: String? = "2026-05-14T09:00:00Z") throws(Problems) -> Vial {
        try Vial(product: product, lotNumber: "C1234", expiryDate: expiry, size: Units(size),
                 diluentMl: decimal(diluent), reconstitutedAt: reconstitutedAt.map(instant))
    }

    private static func solution(size: Int = 5000) throws(Problems) -> Vial {
        try Vial(product: .rimabotulinumtoxinB, lotNumber: "B77", expiryDate: expiry, size: Units(size),
                 diluentMl: nil, reconstitutedAt: nil)
    }

    private static func problems(_ build: () throws(Problems) -> Vial) -> [Problem] {
        do {
            _ = try build()
            return []
        } catch {
            return error.all
        }
    }

    // MARK: dilution

    @Test(arguments: [("1", "10"), ("2", "5"), ("2.5", "4"), ("4", "2.5"), ("8", "1.25")])
    func domainDilutionExamples(diluent: String, unitsPerTenthMl: String) throws {
        let vial = try Self.powder(diluent: diluent)
        #expect(vial.unitsPerTenthMl == Self.decimal(unitsPerTenthMl))
    }

    @Test func concentrationPerMl() throws {
        // 100 U ÷ 2.5 mL = 40 U/mL; 300 U of Dysport ÷ 1.5 mL = 200 U/mL
        #expect(try Self.powder().unitsPerMl == 40)
        #expect(try Self.powder(.abobotulinumtoxinA, size: 300, diluent: "1.5").unitsPerMl == 200)
    }

    @Test func solutionConcentration() throws {
        // 5000 U/mL → 500 U per 0.1 mL, whatever the vial size
        for size in [2500, 5000, 10000] {
            let vial = try Self.solution(size: size)
            #expect(vial.unitsPerMl == 5000)
            #expect(vial.unitsPerTenthMl == 500)
        }
    }

    @Test func volumeForUnits() throws {
        // 5 U at 4 U/0.1 mL = 0.125 mL; 12.5 U at 5 U/0.1 mL = 0.25 mL
        #expect(try Self.powder().volumeMl(for: Units(5)) == Self.decimal("0.125"))
        #expect(try Self.powder(diluent: "2").volumeMl(for: Units(tenths: 125)) == Self.decimal("0.25"))
        // 2500 U of a 5000 U/mL solution = 0.5 mL
        #expect(try Self.solution().volumeMl(for: Units(2500)) == Self.decimal("0.5"))
    }

    @Test func unitsForVolume() throws {
        // 0.125 mL × 40 U/mL = 5 U; 0.01 mL × 5000 U/mL = 50 U
        #expect(try Self.powder().units(forVolumeMl: Self.decimal("0.125")) == Units(5))
        #expect(try Self.solution().units(forVolumeMl: Self.decimal("0.01")) == Units(50))
        // 0.1 mL of 100 U in 3 mL = 3.333… U: not a whole number of tenths, so no answer
        #expect(try Self.powder(diluent: "3").units(forVolumeMl: Self.decimal("0.1")) == nil)
        #expect(try Self.powder().units(forVolumeMl: -1) == nil)
    }

    // MARK: validation

    @Test func sizeMustBeOneOfTheProductsVials() {
        let found = Self.problems { () throws(Problems) in try Self.powder(size: 150) }
        #expect(found.map(\.code) == [.valueOutOfRange])
        #expect(found.first?.field == "units")
        // Dysport has no 100 U vial.
        #expect(Self.problems { () throws(Problems) in try Self.powder(.abobotulinumtoxinA, size: 100) }.map(\.field) == ["units"])
    }

    @Test func lotNumberIsTrimmedAndRequired() throws {
        let vial = try Vial(product: .onabotulinumtoxinA, lotNumber: "  C1234 \n", expiryDate: Self.expiry,
                            size: Units(100), diluentMl: 2, reconstitutedAt: nil)
        #expect(vial.lotNumber == "C1234")
        for lot in ["", "   ", "\n\t"] {
            let found = Self.problems { () throws(Problems) in
                try Vial(product: .onabotulinumtoxinA, lotNumber: lot, expiryDate: Self.expiry,
                         size: Units(100), diluentMl: 2, reconstitutedAt: nil)
            }
            #expect(found.map(\.field) == ["lotNumber"])
            #expect(found.map(\.code) == [.invalidValue])
        }
    }

    @Test(arguments: ["0", "-1", "0.19", "0.000000000000000000000000000001", "10.01", "11"])
    func diluentOutOfRange(diluent: String) {
        let found = Self.problems { () throws(Problems) in try Self.powder(diluent: diluent) }
        #expect(found.map(\.code) == [.valueOutOfRange])
        #expect(found.map(\.field) == ["diluentMl"])
    }

    @Test(arguments: ["0.2", "10"])
    func diluentAtTheEdgesIsAccepted(diluent: String) throws {
        #expect(try Self.powder(diluent: diluent).diluentMl == Self.decimal(diluent))
    }

    @Test func aReconstitutedPowderNeedsItsDiluent() {
        let found = Self.problems { () throws(Problems) in
            try Vial(product: .incobotulinumtoxinA, lotNumber: "X", expiryDate: Self.expiry, size: Units(100),
                     diluentMl: nil, reconstitutedAt: Self.instant("2026-05-14T09:00:00Z"))
        }
        #expect(found.map(\.code) == [.invalidValue])
        #expect(found.map(\.field) == ["diluentMl"])
    }

    @Test func anUnopenedPowderHasNoDiluentYetAndCannotBeUsed() throws {
        let vial = try Vial(product: .incobotulinumtoxinA, lotNumber: "X", expiryDate: Self.expiry, size: Units(100),
                            diluentMl: nil, reconstitutedAt: nil)
        #expect(vial.unitsPerTenthMl == nil)
        #expect(vial.volumeMl(for: Units(10)) == nil)
        let found = vial.problems(at: Self.instant("2026-05-14T10:00:00Z"), timeZone: Self.london)
        #expect(found.map(\.code) == [.vialUnusable])
        #expect(found.first?.message.contains("has not been reconstituted") == true)
    }

    @Test func expiredOnlyAfterTheExpiryDate() throws {
        let vial = try Self.powder()
        #expect(!vial.isExpired(on: CalendarDate(iso: "2026-06-30")!))
        #expect(vial.isExpired(on: CalendarDate(iso: "2026-07-01")!))
    }

    @Test func solutionTakesNoDiluentAndIsNotReconstituted() {
        let found = Self.problems { () throws(Problems) in
            try Vial(product: .rimabotulinumtoxinB, lotNumber: "B77", expiryDate: Self.expiry, size: Units(5000),
                     diluentMl: 1, reconstitutedAt: Self.instant("2026-05-14T09:00:00Z"))
        }
        #expect(found.map(\.field) == ["diluentMl", "reconstitutedAt"])
    }

    @Test func everyProblemAtOnce() {
        let found = Self.problems { () throws(Problems) in
            try Vial(product: .onabotulinumtoxinA, lotNumber: " ", expiryDate: Self.expiry, size: Units(300),
                     diluentMl: nil, reconstitutedAt: Self.instant("2026-05-14T09:00:00Z"))
        }
        #expect(found.map(\.field) == ["units", "lotNumber", "diluentMl"])
    }

    // MARK: usability at the moment of injection

    @Test func usableThroughTheExpiryDateInTheClinicsTimeZone() throws {
        let vial = try Self.powder(reconstitutedAt: "2026-06-30T12:00:00Z")
        // 22:59:59Z is 23:59:59 BST on 30 June: still the expiry day in London.
        #expect(vial.problems(at: Self.instant("2026-06-30T22:59:59Z"), timeZone: Self.london).isEmpty)
        // 23:30Z is 00:30 BST on 1 July in London: expired; in UTC it is still 30 June.
        let late = Self.instant("2026-06-30T23:30:00Z")
        let found = vial.problems(at: late, timeZone: Self.london)
        #expect(found.map(\.code) == [.vialUnusable])
        #expect(found.first?.field == "vial")
        #expect(found.first?.message.contains("expired on 2026-06-30") == true)
        #expect(vial.problems(at: late, timeZone: Self.utc).isEmpty)
    }

    @Test func powderMustBeReconstituted() throws {
        let vial = try Self.powder(reconstitutedAt: nil)
        let found = vial.problems(at: Self.instant("2026-05-15T09:00:00Z"), timeZone: Self.london)
        #expect(found.map(\.code) == [.vialUnusable])
        #expect(found.first?.message.contains("not been reconstituted") == true)
    }

    @Test func reconstitutedAfterTheInjectionIsUnusable() throws {
        let vial = try Self.powder(reconstitutedAt: "2026-05-15T09:00:01Z")
        #expect(vial.problems(at: Self.instant("2026-05-15T09:00:00Z"), timeZone: Self.london).map(\.code) == [.vialUnusable])
        // The same instant is fine.
        #expect(vial.problems(at: Self.instant("2026-05-15T09:00:01Z"), timeZone: Self.london).isEmpty)
    }

    @Test func twentyFourHourBoundary() throws {
        let vial = try Self.powder(reconstitutedAt: "2026-05-14T09:00:00Z")
        #expect(vial.problems(at: Self.instant("2026-05-15T09:00:00Z"), timeZone: Self.london).isEmpty)
        let found = vial.problems(at: Self.instant("2026-05-15T09:00:01Z"), timeZone: Self.london)
        #expect(found.map(\.code) == [.vialUnusable])
        #expect(found.first?.message.contains("more than 24 h") == true)
    }

    @Test func twentyFourHoursAreElapsedTimeAcrossAClockChange() throws {
        // Clocks go back at 01:00 UTC on 25 October 2026: 24 h after 09:00 BST (08:00Z) on the
        // 24th is 08:00 GMT (08:00Z) on the 25th, not 09:00.
        let vial = try Vial(product: .onabotulinumtoxinA, lotNumber: "C1", expiryDate: CalendarDate(iso: "2027-01-31")!,
                            size: Units(100), diluentMl: 2, reconstitutedAt: Self.instant("2026-10-24T08:00:00Z"))
        #expect(vial.problems(at: Self.instant("2026-10-25T08:00:00Z"), timeZone: Self.london).isEmpty)
        #expect(vial.problems(at: Self.instant("2026-10-25T09:00:00Z"), timeZone: Self.london).count == 1)
    }

    @Test func daxibotulinumtoxinAKeepsSeventyTwoHours() throws {
        let vial = try Self.powder(.daxibotulinumtoxinA, reconstitutedAt: "2026-05-12T09:00:00Z")
        // 25 h later would be too late for a 24 h product, not for this one.
        #expect(vial.problems(at: Self.instant("2026-05-13T10:00:00Z"), timeZone: Self.london).isEmpty)
        // 72 h after 12 May 09:00Z is 15 May 09:00Z.
        #expect(vial.problems(at: Self.instant("2026-05-15T09:00:00Z"), timeZone: Self.london).isEmpty)
        #expect(vial.problems(at: Self.instant("2026-05-15T09:00:01Z"), timeZone: Self.london).map(\.code) == [.vialUnusable])
    }

    @Test func solutionNeedsNoReconstitution() throws {
        let vial = try Self.solution()
        #expect(vial.problems(at: Self.instant("2026-05-15T09:00:00Z"), timeZone: Self.london).isEmpty)
        #expect(vial.problems(at: Self.instant("2026-06-30T22:00:00Z"), timeZone: Self.london).isEmpty)
        #expect(vial.problems(at: Self.instant("2026-07-01T09:00:00Z"), timeZone: Self.london).map(\.code) == [.vialUnusable])
    }

    @Test func expiredAndNotReconstitutedAreBothReported() throws {
        let vial = try Self.powder(reconstitutedAt: nil)
        #expect(vial.problems(at: Self.instant("2026-07-02T09:00:00Z"), timeZone: Self.london).count == 2)
    }

    // MARK: JSON

    @Test func jsonRoundTripUsesTheApiFieldNames() throws {
        let vial = try Self.powder()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(vial)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["units"] as? Int == 100)
        #expect(object?["expiryDate"] as? String == "2026-06-30")
        #expect(object?["reconstitutedAt"] as? String == "2026-05-14T09:00:00Z")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Vial.self, from: data) == vial)
    }

    @Test func decodingValidates() {
        let json = #"{"product":"onabotulinumtoxinA","lotNumber":"C1","expiryDate":"2026-06-30","units":150,"diluentMl":2}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Vial.self, from: Data(json.utf8)) }
    }
}
