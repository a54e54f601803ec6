import Foundation
import Testing
@testable import TenderpointCore

@Suite struct CycleHistoryEntryTests {
    @Test(arguments: [(nil, false), (83, true), (84, false), (120, false), (0, true)] as [(Int?, Bool)])
    func intervalsUnder84DaysAreMarked(interval: Int?, short: Bool) {
        let cycle = CycleOutcome(sessionDate: CalendarDate(iso: "2026-04-01")!, product: .onabotulinumtoxinA,
                                 totalUnits: Units(100), week3ReductionPercent: 40, responder: true,
                                 intervalDaysSincePrevious: interval)
        let entry = CycleHistoryEntry(cycle: cycle, adequateDose: true)
        #expect(entry.shortInterval == short)
        #expect(entry.cycle.dose == ProductDose(product: .onabotulinumtoxinA, units: Units(100)))
    }
}
