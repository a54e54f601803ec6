import Foundation
import Testing
@testable import TenderpointCore

@Suite struct ClinicDoseLimitsTests {
    private static func limits(_ site: Int, _ session: Int, _ cumulative: Int) -> DoseLimits {
        DoseLimits(perSite: Units(site), perSession: Units(session), cumulativeThreeMonths: Units(cumulative))
    }

    @Test func defaultsApplyUntilTheClinicSetsItsOwn() {
        let clinic = ClinicDoseLimits()
        #expect(clinic.limits(for: .onabotulinumtoxinA) == Self.limits(50, 400, 400))
        #expect(clinic.limits(for: .abobotulinumtoxinA) == Self.limits(150, 1000, 1000))
        #expect(clinic.limits(for: .daxibotulinumtoxinA) == nil)
    }

    @Test func adminLowersADefault() throws {
        var clinic = ClinicDoseLimits()
        let change = try clinic.set(Self.limits(40, 300, 300), for: .onabotulinumtoxinA, by: .admin)
        #expect(clinic.limits(for: .onabotulinumtoxinA) == Self.limits(40, 300, 300))
        #expect(change.old == Self.limits(50, 400, 400))
        #expect(change.new == Self.limits(40, 300, 300))
        #expect(change.role == .admin)
        #expect(!change.raisedAboveDefault)
        // Other products keep their defaults.
        #expect(clinic.limits(for: .incobotulinumtoxinA) == Self.limits(50, 400, 400))
    }

    @Test func settingTheDefaultItselfIsNotARaise() throws {
        var clinic = ClinicDoseLimits()
        #expect(try !clinic.set(Self.limits(50, 400, 400), for: .onabotulinumtoxinA, by: .admin).raisedAboveDefault)
    }

    @Test func raisingAnyValueAboveTheDefaultIsFlagged() throws {
        var clinic = ClinicDoseLimits()
        #expect(try clinic.set(Self.limits(51, 400, 400), for: .onabotulinumtoxinA, by: .admin).raisedAboveDefault)
        #expect(try clinic.set(Self.limits(40, 300, 401), for: .onabotulinumtoxinA, by: .admin).raisedAboveDefault)
        #expect(clinic.limits(for: .onabotulinumtoxinA) == Self.limits(40, 300, 401))
    }

    @Test func anyLimitForAProductWithoutDefaultIsFlagged() throws {
        var clinic = ClinicDoseLimits()
        let change = try clinic.set(Self.limits(20, 100, 100), for: .daxibotulinumtoxinA, by: .admin)
        #expect(change.old == nil)
        #expect(change.raisedAboveDefault)
        #expect(clinic.limits(for: .daxibotulinumtoxinA) == Self.limits(20, 100, 100))
    }

    @Test func theOldValueIsTheOverrideInForce() throws {
        var clinic = ClinicDoseLimits()
        try clinic.set(Self.limits(40, 300, 300), for: .onabotulinumtoxinA, by: .admin)
        let change = try clinic.set(Self.limits(30, 200, 200), for: .onabotulinumtoxinA, by: .admin)
        #expect(change.old == Self.limits(40, 300, 300))
    }

    @Test(arguments: [Role.clinician, .nurse, .reception, .patient])
    func onlyAnAdminChangesLimits(role: Role) {
        var clinic = ClinicDoseLimits()
        let problem = #expect(throws: Problem.self) {
            try clinic.set(Self.limits(40, 300, 300), for: .onabotulinumtoxinA, by: role)
        }
        #expect(problem?.code == .overrideNotPermitted)
        #expect(clinic.limits(for: .onabotulinumtoxinA) == Self.limits(50, 400, 400))
        #expect(throws: Problem.self) { try clinic.reset(.onabotulinumtoxinA, by: role) }
    }

    @Test func zeroOrNegativeLimitsAreRefused() {
        var clinic = ClinicDoseLimits()
        for bad in [Self.limits(0, 400, 400), Self.limits(50, -1, 400)] {
            let problem = #expect(throws: Problem.self) { try clinic.set(bad, for: .onabotulinumtoxinA, by: .admin) }
            #expect(problem?.code == .valueOutOfRange)
        }
        #expect(clinic.limits(for: .onabotulinumtoxinA) == Self.limits(50, 400, 400))
    }

    @Test func resetRestoresTheDefault() throws {
        var clinic = ClinicDoseLimits()
        try clinic.set(Self.limits(40, 300, 300), for: .onabotulinumtoxinA, by: .admin)
        try clinic.set(Self.limits(20, 100, 100), for: .prabotulinumtoxinA, by: .admin)
        let change = try clinic.reset(.onabotulinumtoxinA, by: .admin)
        #expect(change.old == Self.limits(40, 300, 300))
        #expect(change.new == Self.limits(50, 400, 400))
        #expect(clinic.limits(for: .onabotulinumtoxinA) == Self.limits(50, 400, 400))
        try clinic.reset(.prabotulinumtoxinA, by: .admin)
        #expect(clinic.limits(for: .prabotulinumtoxinA) == nil)
    }

    @Test func jsonKeepsOverridesByProduct() throws {
        var clinic = ClinicDoseLimits()
        try clinic.set(Self.limits(40, 300, 300), for: .onabotulinumtoxinA, by: .admin)
        let data = try JSONEncoder().encode(clinic)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let overrides = object?["overrides"] as? [String: Any]
        #expect(overrides?.keys.sorted() == ["onabotulinumtoxinA"])
        #expect(try JSONDecoder().decode(ClinicDoseLimits.self, from: data) == clinic)
    }
}
