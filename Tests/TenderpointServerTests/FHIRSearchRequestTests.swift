import Foundation
@testable import TenderpointServer
import Testing

/// Reading search queries: prefixes, periods in the clinic's time zone, tokens, alternatives.
@Suite struct FHIRSearchRequestTests {
    static let london = TimeZone(identifier: "Europe/London")!
    static let parameters = [
        FHIRSearchParameter("date", .date, "d"), FHIRSearchParameter("code", .token, "c"),
        FHIRSearchParameter("patient", .reference, "p"), FHIRSearchParameter("name", .string, modifiers: ["exact"], "n"),
    ]

    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func aMonthIsThePeriodOfThatMonthAtTheClinic() throws {
        // May 2024 in London runs from 1 May 00:00 BST (30 April 23:00Z) to 1 June 00:00 BST.
        let search = try FHIRDateSearch("ge2024-05", name: "date", timeZone: Self.london)
        #expect(search.prefix == .ge)
        #expect(search.lower == Self.instant("2024-04-30T23:00:00Z"))
        #expect(search.upper == Self.instant("2024-05-31T23:00:00Z"))
        #expect(search.firstDay.iso == "2024-05-01")
        #expect(search.dayAfter.iso == "2024-06-01")
        #expect(search.matches(Self.instant("2024-04-30T23:00:00Z")))
        #expect(!search.matches(Self.instant("2024-04-30T22:59:59Z")))
    }

    @Test func eachPrefixMatchesItsSideOfTheDay() throws {
        // 10 January 2024 (GMT): 00:00Z up to 00:00Z on the 11th.
        let inside = Self.instant("2024-01-10T12:00:00Z")
        let before = Self.instant("2024-01-09T23:59:59Z")
        let after = Self.instant("2024-01-11T00:00:00Z")
        let expected: [(String, [Bool])] = [
            ("eq", [false, true, false]), ("ne", [true, false, true]), ("lt", [true, false, false]),
            ("le", [true, true, false]), ("gt", [false, false, true]), ("ge", [false, true, true]),
        ]
        for (prefix, results) in expected {
            let search = try FHIRDateSearch("\(prefix)2024-01-10", name: "date", timeZone: Self.london)
            #expect([before, inside, after].map(search.matches) == results, "\(prefix)")
        }
    }

    @Test func aMomentIsOneSecondAndAZoneIsRequired() throws {
        let search = try FHIRDateSearch("2024-01-10T10:00:00+01:00", name: "date", timeZone: Self.london)
        #expect(search.lower == Self.instant("2024-01-10T09:00:00Z"))
        #expect(search.upper == Self.instant("2024-01-10T09:00:01Z"))
        // An unencoded "+" arrives as a space.
        #expect(try FHIRDateSearch("2024-01-10T10:00:00 01:00", name: "date", timeZone: Self.london) == search)
        #expect(throws: FHIRError.self) { try FHIRDateSearch("2024-01-10T10:00:00", name: "date", timeZone: Self.london) }
        #expect(throws: FHIRError.self) { try FHIRDateSearch("ap2024", name: "date", timeZone: Self.london) }
        #expect(throws: FHIRError.self) { try FHIRDateSearch("2024-02-30", name: "date", timeZone: Self.london) }
    }

    @Test func theQueryIsReadIntoClausesAndAllProblemsAreReportedTogether() throws {
        let request = try FHIRSearchRequest.parse(
            query: "code=http://loinc.org%7C72514-3,wpi&code=%7Csss&patient=Patient/abc&name:exact=Ada+Lovelace&_count=5000&_offset=10",
            supported: Self.parameters, timeZone: Self.london)
        #expect(request.count == FHIRSearchRequest.maximumCount)
        #expect(request.offset == 10)
        #expect(request.clauses("code").map(\.values) == [
            [.token(FHIRToken(system: .system("http://loinc.org"), code: "72514-3")), .token(FHIRToken(system: .any, code: "wpi"))],
            [.token(FHIRToken(system: .none, code: "sss"))],
        ])
        #expect(request.clauses("patient").first?.values == [.reference("abc")])
        #expect(request.clauses("name").first == FHIRSearchClause(name: "name", modifier: "exact", values: [.string("Ada Lovelace")]))
        #expect(request.linkQuery(offset: 15).hasSuffix("name:exact=Ada%20Lovelace&_count=1000&_offset=15"))

        do {
            _ = try FHIRSearchRequest.parse(query: "foo=1&date=xx&name:contains=a&_offset=-2", supported: Self.parameters, timeZone: Self.london)
            Issue.record("accepted")
        } catch {
            #expect(error.status == .badRequest)
            #expect(error.issues.map(\.expression) == [["foo"], ["date"], ["name:contains"], ["_offset"]])
        }
    }

    /// `_count` above the maximum is lowered, even past Int; `_offset` is 0–1,000,000; anything
    /// negative, fractional or unreadable is a 400 naming the parameter.
    @Test(arguments: [("_count=1000", 1000, 0), ("_count=1001", 1000, 0), ("_count=99999999999999999999999", 1000, 0),
                      ("_count=%2B5", 5, 0), ("_count=0", 0, 0), ("_offset=1000000", 50, 1_000_000), ("_offset=0", 50, 0)])
    func pagingWithinBounds(query: String, count: Int, offset: Int) throws {
        let request = try FHIRSearchRequest.parse(query: query, supported: Self.parameters, timeZone: Self.london)
        #expect(request.count == count)
        #expect(request.offset == offset)
    }

    @Test(arguments: ["_offset=1000001", "_offset=9223372036854775807", "_offset=18446744073709551616", "_offset=-1",
                      "_offset=1.5", "_offset=", "_count=-1", "_count=1e3", "_count=abc", "_count=-0"])
    func pagingOutOfBoundsIsA400(query: String) {
        do {
            _ = try FHIRSearchRequest.parse(query: query, supported: Self.parameters, timeZone: Self.london)
            Issue.record("accepted \(query)")
        } catch {
            #expect(error.status == .badRequest)
            #expect(error.issues.map(\.expression) == [[String(query.prefix { $0 != "=" })]])
        }
    }
}
