import Foundation
import Testing
@testable import TenderpointCore

@Suite struct NonResponseFlagsTests {
    /// Sessions roughly every 13 weeks from 2025-01-06.
    private static let dates = ["2025-01-06", "2025-04-07", "2025-07-07", "2025-10-06", "2026-01-05", "2026-04-06"]
        .map { CalendarDate(iso: $0)! }
    private static let adequate = DoseAdequacy.minimumUnits([.onabotulinumtoxinA: Units(100), .incobotulinumtoxinA: Units(100)])

    private static func cycle(_ index: Int, _ responder: Bool?, units: Int = 100,
                              product: ToxinProduct = .onabotulinumtoxinA, interval: Int? = 91) -> CycleOutcome {
        CycleOutcome(sessionDate: dates[index], product: product, totalUnits: Units(units),
                     week3ReductionPercent: responder.map { $0 ? 40 : 10 }, responder: responder,
                     intervalDaysSincePrevious: index == 0 ? nil : interval)
    }

    private static func flags(_ cycles: [CycleOutcome]) -> NonResponseFlags {
        NonResponseFlags.evaluate(cycles: cycles, adequateDose: adequate)
    }

    // MARK: primary non-response

    @Test func twoAdequateCyclesWithoutResponseArePrimaryNonResponse() throws {
        let result = Self.flags([Self.cycle(1, false, units: 120), Self.cycle(0, false)])
        let primary = try #require(result.primary)
        #expect(primary.cycles.map(\.cycle.sessionDate) == [Self.dates[0], Self.dates[1]])
        #expect(primary.message.hasPrefix("Primary non-response:"))
        #expect(primary.message.contains("2025-01-06: 100 U of onabotulinumtoxinA; 2025-04-07: 120 U of onabotulinumtoxinA"))
        #expect(result.possibleSecondary == nil)
        #expect(result.history.map(\.cycle.sessionDate) == [Self.dates[0], Self.dates[1]])
    }

    @Test func anUnderdosedCycleIsPassedOver() throws {
        // 80 U is below the 100 U threshold: the first two adequate cycles are the 2nd and 3rd.
        let result = Self.flags([Self.cycle(0, false, units: 80), Self.cycle(1, false), Self.cycle(2, false)])
        let primary = try #require(result.primary)
        #expect(primary.cycles.map(\.cycle.sessionDate) == [Self.dates[1], Self.dates[2]])
        #expect(result.history.map(\.adequateDose) == [false, true, true])
    }

    @Test func theThresholdItselfIsAdequate() {
        let justShort = Self.flags([Self.cycle(0, false, units: 100), Self.cycle(1, false, units: 99)])
        #expect(justShort.primary == nil)
    }

    @Test(arguments: [
        [false, nil],           // the second adequate cycle was not evaluated
        [nil, false],           // nor the first
        [false, true],          // responded in the second
        [false],                // only one cycle
    ] as [[Bool?]])
    func noPrimaryFlag(responses: [Bool?]) {
        let cycles = responses.enumerated().map { Self.cycle($0.offset, $0.element) }
        #expect(Self.flags(cycles).primary == nil)
    }

    @Test func aPatientWhoEverRespondedIsNotAPrimaryNonResponder() {
        // Responded once at a low dose, then failed twice at an adequate dose.
        let lowDoseResponse = Self.flags([Self.cycle(0, true, units: 60), Self.cycle(1, false), Self.cycle(2, false)])
        #expect(lowDoseResponse.primary == nil)
        // Failed twice, then responded.
        let lateResponse = Self.flags([Self.cycle(0, false), Self.cycle(1, false), Self.cycle(2, true)])
        #expect(lateResponse.primary == nil)
    }

    @Test func aProductWithoutAThresholdCannotBeJudgedAdequate() {
        let result = Self.flags([Self.cycle(0, false, product: .daxibotulinumtoxinA),
                                 Self.cycle(1, false, product: .daxibotulinumtoxinA)])
        #expect(result.primary == nil)
    }

    // MARK: possible secondary non-response

    @Test func aFormerResponderWhoStoppedRespondingAtTheSameOrAHigherDose() throws {
        let result = Self.flags([Self.cycle(0, true), Self.cycle(1, false, units: 100), Self.cycle(2, false, units: 120)])
        let flag = try #require(result.possibleSecondary)
        #expect(flag.product == .onabotulinumtoxinA)
        #expect(flag.earlierResponse.cycle.sessionDate == Self.dates[0])
        #expect(flag.nonResponding.map(\.cycle.totalUnits) == [Units(100), Units(120)])
        #expect(flag.history.count == 3)
        #expect(flag.shortIntervals.isEmpty)
        #expect(flag.message.hasPrefix("Possible secondary non-response:"))
        #expect(flag.message.contains("100 U of onabotulinumtoxinA on 2025-01-06"))
        #expect(flag.message.contains("2025-04-07: 100 U; 2025-07-07: 120 U"))
        #expect(!flag.message.lowercased().contains("antibod"))
        #expect(!flag.message.contains("Intervals"))
        #expect(result.primary == nil)
    }

    @Test func aLowerDoseSinceTheResponseRaisesNoFlag() {
        // Responded at 100 U; the last two were 100 U and 80 U: 80 U is below the responding dose.
        let result = Self.flags([Self.cycle(0, true), Self.cycle(1, false), Self.cycle(2, false, units: 80)])
        #expect(result.possibleSecondary == nil)
    }

    @Test func theEarlierResponseMustBeAtADoseNoHigherThanTheLastTwo() throws {
        // Responded at 80 U and at 120 U; then nothing at 100 U twice: the 80 U response counts,
        // the 120 U one does not (100 U < 120 U).
        let result = Self.flags([Self.cycle(0, true, units: 80), Self.cycle(1, true, units: 120),
                                 Self.cycle(2, false), Self.cycle(3, false)])
        let flag = try #require(result.possibleSecondary)
        #expect(flag.earlierResponse.cycle.totalUnits == Units(80))
        #expect(flag.earlierResponse.cycle.sessionDate == Self.dates[0])
        // Only the 120 U response before: no flag.
        let none = Self.flags([Self.cycle(0, true, units: 120), Self.cycle(1, false), Self.cycle(2, false)])
        #expect(none.possibleSecondary == nil)
    }

    @Test func unitsOfDifferentProductsAreNeverCompared() {
        // Responded to 100 U onabotulinumtoxinA; then nothing on 100 U incobotulinumtoxinA twice.
        let switched = Self.flags([Self.cycle(0, true), Self.cycle(1, false, product: .incobotulinumtoxinA),
                                   Self.cycle(2, false, product: .incobotulinumtoxinA)])
        #expect(switched.possibleSecondary == nil)
        // The last two in different products.
        let mixed = Self.flags([Self.cycle(0, true), Self.cycle(1, false),
                                Self.cycle(2, false, product: .incobotulinumtoxinA)])
        #expect(mixed.possibleSecondary == nil)
        // 500 U of abobotulinumtoxinA is not "more" than an earlier 100 U of onabotulinumtoxinA.
        let aboAfterOna = Self.flags([Self.cycle(0, true), Self.cycle(1, false, units: 500, product: .abobotulinumtoxinA),
                                      Self.cycle(2, false, units: 500, product: .abobotulinumtoxinA)])
        #expect(aboAfterOna.possibleSecondary == nil)
    }

    @Test func aSessionAwaitingItsWeek3ReviewDoesNotHideTheFlag() throws {
        let result = Self.flags([Self.cycle(0, true), Self.cycle(1, false), Self.cycle(2, false), Self.cycle(3, nil)])
        let flag = try #require(result.possibleSecondary)
        #expect(flag.nonResponding.map(\.cycle.sessionDate) == [Self.dates[1], Self.dates[2]])
        #expect(flag.history.count == 4)
    }

    @Test func anUnevaluatedCycleBetweenBreaksTheRun() {
        // Not consecutive: the cycle between the two non-responses might have responded.
        let result = Self.flags([Self.cycle(0, true), Self.cycle(1, false), Self.cycle(2, nil), Self.cycle(3, false)])
        #expect(result.possibleSecondary == nil)
    }

    @Test(arguments: [
        [true, true, false],          // only the last cycle failed
        [true, false, true],          // responded again
        [false, false],               // never responded: primary, not secondary
        [true, false],                // too few cycles
    ] as [[Bool?]])
    func noSecondaryFlag(responses: [Bool?]) {
        let cycles = responses.enumerated().map { Self.cycle($0.offset, $0.element) }
        #expect(Self.flags(cycles).possibleSecondary == nil)
    }

    @Test func shortIntervalsAreHighlightedAsARiskFactor() throws {
        let result = Self.flags([Self.cycle(0, true), Self.cycle(1, false, interval: 70), Self.cycle(2, false, interval: 84),
                                 Self.cycle(3, false, interval: 83)])
        let flag = try #require(result.possibleSecondary)
        #expect(flag.shortIntervals.map(\.cycle.sessionDate) == [Self.dates[1], Self.dates[3]])
        #expect(flag.message.hasSuffix(
            "Intervals shorter than 84 days, a risk factor: 2025-04-07 (70 days), 2025-10-06 (83 days)."))
        #expect(result.history.map(\.shortInterval) == [false, true, false, true])
    }

    @Test func thresholdsCanBeGivenDirectly() {
        let cycles = [Self.cycle(0, false, units: 50), Self.cycle(1, false, units: 50)]
        #expect(NonResponseFlags.evaluate(cycles: cycles, minimumAdequateUnits: [.onabotulinumtoxinA: Units(50)]).primary != nil)
        #expect(NonResponseFlags.evaluate(cycles: cycles, minimumAdequateUnits: [:]).primary == nil)
    }

    @Test func noCyclesNoFlags() {
        let result = Self.flags([])
        #expect(result.history.isEmpty)
        #expect(result.primary == nil)
        #expect(result.possibleSecondary == nil)
    }

    @Test func encodesAsJSON() throws {
        let result = Self.flags([Self.cycle(0, true), Self.cycle(1, false, interval: 70), Self.cycle(2, false)])
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(NonResponseFlags.self, from: data) == result)
    }
}
