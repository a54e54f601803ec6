import Testing
@testable import TenderpointCore

@Suite struct DoseLimitsTests {
    private static func limits(_ site: Int, _ session: Int, _ cumulative: Int) -> DoseLimits {
        DoseLimits(perSite: Units(tenths: site), perSession: Units(tenths: session), cumulativeThreeMonths: Units(tenths: cumulative))
    }

    @Test func coherentLimitsHaveNoProblems() {
        #expect(Self.limits(500, 4000, 4000).problems.isEmpty)
        // All equal, and the smallest possible amount.
        #expect(Self.limits(1, 1, 1).problems.isEmpty)
    }

    @Test(arguments: [(0, "perSite"), (-1, "perSite")])
    func perSiteMustBePositive(tenths: Int, field: String) {
        let found = Self.limits(tenths, 4000, 4000).problems
        #expect(found.map(\.code) == [.valueOutOfRange])
        #expect(found.map(\.field) == [field])
    }

    @Test func everyNonPositiveLimitIsReported() {
        #expect(Self.limits(0, 0, -10).problems.map(\.field) == ["perSite", "perSession", "cumulativeThreeMonths"])
    }

    @Test func perSiteCannotExceedPerSession() {
        #expect(Self.limits(4001, 4000, 4000).problems.map(\.field) == ["perSite"])
        #expect(Self.limits(4000, 4000, 4000).problems.isEmpty)
    }

    @Test func perSessionCannotExceedCumulative() {
        #expect(Self.limits(500, 4001, 4000).problems.map(\.field) == ["perSession"])
        #expect(Self.limits(500, 3000, 4000).problems.isEmpty)
    }

    @Test func exceedsAny() {
        let reference = Self.limits(500, 4000, 4000)
        #expect(!Self.limits(500, 4000, 4000).exceedsAny(of: reference))
        #expect(!Self.limits(100, 1000, 2000).exceedsAny(of: reference))
        #expect(Self.limits(501, 4000, 4000).exceedsAny(of: reference))
        #expect(Self.limits(500, 4001, 4001).exceedsAny(of: reference))
        #expect(Self.limits(100, 1000, 4001).exceedsAny(of: reference))
    }
}
