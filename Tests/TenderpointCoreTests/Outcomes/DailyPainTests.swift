import Foundation
import Testing
@testable import TenderpointCore

@Suite struct DailyPainTests {
    private let monday = CalendarDate(iso: "2026-03-02")!

    @Test func severalEntriesOnADayAreAveragedWhateverTheirSource() {
        let tuesday = monday.adding(days: 1)
        let days = DailyPain.byDay([
            PainObservation(date: tuesday, nrs: 3, source: .diary),
            PainObservation(date: monday, nrs: 4, source: .diary),
            PainObservation(date: monday, nrs: 6, source: .assessment),
            PainObservation(date: monday, nrs: 7, source: .diary),
        ])
        // Monday: (4 + 6 + 7) ÷ 3 = 17 ÷ 3; Tuesday alone: 3. Sorted by date.
        #expect(days.map(\.date) == [monday, tuesday])
        #expect(abs(days[0].nrs - 17.0 / 3) < 1e-12)
        #expect(days[0].observationCount == 3)
        #expect(days[1] == DailyPain(date: tuesday, nrs: 3, observationCount: 1))
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, -0.5, 10.5, 11])
    func unusableScoresAreLeftOut(nrs: Double) {
        let observation = PainObservation(date: monday, nrs: nrs, source: .diary)
        #expect(!observation.isUsable)
        let days = DailyPain.byDay([observation, PainObservation(date: monday, nrs: 5, source: .diary)])
        #expect(days == [DailyPain(date: monday, nrs: 5, observationCount: 1)])
    }

    @Test(arguments: [0.0, 10.0, 4.5])
    func theWholeScaleIsUsable(nrs: Double) {
        #expect(PainObservation(date: monday, nrs: nrs, source: .assessment).isUsable)
    }

    @Test func noObservationsNoDays() {
        #expect(DailyPain.byDay([]).isEmpty)
    }
}
