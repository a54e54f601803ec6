import Foundation
import Testing
@testable import TenderpointCore

@Suite struct DoseAdequacyTests {
    private func cycle(_ product: ToxinProduct, _ units: Units) -> CycleOutcome {
        CycleOutcome(sessionDate: CalendarDate(iso: "2026-01-05")!, product: product, totalUnits: units,
                     week3ReductionPercent: nil, responder: nil, intervalDaysSincePrevious: nil)
    }

    @Test(arguments: [(Units(tenths: 999), false), (Units(100), true), (Units(250), true)])
    func thresholdPerProduct(units: Units, adequate: Bool) {
        let rule = DoseAdequacy.minimumUnits([.onabotulinumtoxinA: Units(100)])
        #expect(rule.isAdequate(cycle(.onabotulinumtoxinA, units)) == adequate)
    }

    @Test func aProductWithoutAThresholdIsNeverAdequate() {
        // 500 U of abobotulinumtoxinA is not measured against onabotulinumtoxinA's 100 U.
        let rule = DoseAdequacy.minimumUnits([.onabotulinumtoxinA: Units(100)])
        #expect(!rule.isAdequate(cycle(.abobotulinumtoxinA, Units(500))))
    }

    @Test func aRuleOfTheClinicsOwn() {
        let rule = DoseAdequacy { $0.totalUnits >= Units(50) && $0.product != .rimabotulinumtoxinB }
        #expect(rule.isAdequate(cycle(.incobotulinumtoxinA, Units(50))))
        #expect(!rule.isAdequate(cycle(.rimabotulinumtoxinB, Units(5000))))
    }
}
