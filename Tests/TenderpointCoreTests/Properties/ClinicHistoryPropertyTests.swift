import Foundation
import PropertyBased
import Testing
@testable import TenderpointCore

/// Random clinic histories, charted in random order, checked after every step: whatever the core
/// accepted never breaks an invariant of DOMAIN.md (`ClinicInvariants`). 10,000 seeded histories
/// run on every test run (seeds 1…10,000, in 10 parallel batches: reproducible, a failure names
/// its seed and replays with `replay(seed:)`), and more with fresh seeds from PropertyBased.
@Suite struct ClinicHistoryPropertyTests {
    static let stepsPerHistory = 30

    /// Replays one history, recording every violation with the seed and the history so far.
    static func replay(seed: UInt64) -> (history: ClinicHistory, violations: [String]) {
        var history = ClinicHistory(seed: seed)
        var violations: [String] = []
        history.run(steps: stepsPerHistory) { state in
            guard violations.isEmpty else { return }
            let found = ClinicInvariants.violations(state)
            if !found.isEmpty {
                violations = found.map { "seed \(seed): \($0)\n  history: \(state.log.joined(separator: "; "))" }
            }
        }
        return (history, violations)
    }

    @Test(arguments: 0..<10)
    func tenThousandSeededHistoriesKeepEveryInvariant(batch: Int) {
        var accepted = 0, refused = 0
        for seed in UInt64(batch * 1000 + 1)...UInt64(batch * 1000 + 1000) {
            let (history, violations) = Self.replay(seed: seed)
            accepted += history.accepted
            refused += history.refused
            for violation in violations.prefix(3) { Issue.record(Comment(rawValue: violation)) }
            if !violations.isEmpty { return }
        }
        // The generator must exercise both sides of the rules, or the property says little.
        #expect(accepted > 1_000, "only \(accepted) sessions accepted in 1,000 histories")
        #expect(refused > 5_000, "only \(refused) sessions refused in 1,000 histories")
    }

    @Test func freshSeedsKeepEveryInvariant() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 10_001...UInt64.max)) { seed in
            let (_, violations) = Self.replay(seed: seed)
            #expect(violations.isEmpty, Comment(rawValue: violations.first ?? ""))
        }
    }

    /// The invariants are not vacuous: a record the core would have refused is caught.
    @Test func theInvariantsCatchWhatTheCoreRefuses() {
        var history = ClinicHistory(seed: 7)
        history.run(steps: 1) { _ in }
        let vial = try! Vial(product: .onabotulinumtoxinA, lotNumber: "X", expiryDate: CalendarDate(iso: "2030-01-01")!,
                             size: Units(100), diluentMl: 2.5, reconstitutedAt: ClinicHistory.instant(CalendarDate(iso: "2025-03-03")!, hour: 8))
        let broken = history.forcing(vial: vial, sessions: [
            (CalendarDate(iso: "2025-03-03")!, 60), (CalendarDate(iso: "2025-03-03")!, 60),
        ])
        let found = ClinicInvariants.violations(broken)
        #expect(found.contains { $0.contains("days apart without an override") })
        #expect(found.contains { $0.contains("drawn") })
        #expect(found.contains { $0.contains("per-site") })
    }
}
