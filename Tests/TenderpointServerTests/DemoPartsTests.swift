import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer

@Suite struct DemoPartsTests {
    @Test func splitMix64MatchesTheReferenceImplementation() {
        // Vigna's splitmix64.c from state 0.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func drawsStayInTheirRangesAndStreamsDiffer() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            #expect((3...9).contains(random.int(in: 3...9)))
            let unit = random.unit()
            #expect(unit >= 0 && unit < 1)
        }
        var first = SplitMix64(seed: 1, stream: 1)
        var again = SplitMix64(seed: 1, stream: 1)
        var second = SplitMix64(seed: 1, stream: 2)
        let a = first.uuid(), b = again.uuid(), c = second.uuid()
        #expect(a == b)
        #expect(a != c)
        // Version 4, RFC 4122 variant.
        #expect(a.uuidString.dropFirst(14).first == "4")
        #expect("89AB".contains(a.uuidString.dropFirst(19).first!))
        var sampler = SplitMix64(seed: 3)
        let sample = sampler.sample(Array(0..<18), count: 11)
        #expect(Set(sample).count == 11)
    }

    @Test func nhsNumbersAreValidTestNumbersAndAllDifferent() {
        let numbers = (0..<2_000).map(DemoNHSNumber.number(for:)) + [DemoNHSNumber.number(for: DemoNHSNumber.capacity - 1)]
        #expect(Set(numbers).count == numbers.count)
        for number in numbers {
            #expect(number.count == 10)
            #expect(number.hasPrefix("999"))
            #expect(NHSNumber(number) != nil, "\(number)")
        }
        #expect(DemoNHSNumber.number(for: 0) == "9990000018")
    }

    @Test func diaryListsAreWrittenAsTheDiaryControllerWritesThem() {
        let areas = WPIArea.allCases.map(\.rawValue)
        #expect(DemoPatientHistory.jsonList(areas) == DiaryEntryDTO.json(areas))
        let words = ["sore injection sites", "bruising where injected", "headache", "flu-like aches", "neck feels weak"]
        #expect(DemoPatientHistory.jsonList(words) == DiaryEntryDTO.json(words))
        #expect(DemoPatientHistory.jsonList([]) == nil)
        #expect(DiaryEntryDTO.json([]) == nil)
    }

    @Test func theProgressBarShowsCountBarAndPercent() {
        #expect(ProgressBar.line(label: "patients", done: 1200, total: 50_000) == "patients 1200/50000 [....................] 2.4%")
        #expect(ProgressBar.line(label: "patients", done: 25_000, total: 50_000) == "patients 25000/50000 [##########..........] 50.0%")
        #expect(ProgressBar.line(label: "patients", done: 30, total: 30) == "patients 30/30 [####################] 100.0%")
    }

    @Test func theSlotBookNeverDoubleBooks() {
        let monday = CalendarDate(year: 2026, month: 3, day: 16)!
        var book = DemoSlotBook(practitioners: 2, calendar: .standard)
        var starts: [Int] = []
        while let start = book.freeStart(practitioner: 0, on: monday, minutes: 30, preferred: 600) {
            book.reserve(practitioner: 0, on: monday, start: start, minutes: 30)
            starts.append(start)
        }
        // 09:00–17:00 holds sixteen half hours, none overlapping, the first at the preferred 10:00.
        #expect(starts.count == 16)
        #expect(starts.first == 600)
        #expect(Set(starts).count == 16 && starts.allSatisfy { $0 >= 540 && $0 + 30 <= 1020 && ($0 - 540) % 30 == 0 })
        #expect(book.freeStart(practitioner: 1, on: monday, minutes: 30, preferred: 600) == 600)
        #expect(book.freeStart(practitioner: 0, on: monday.adding(days: 5), minutes: 30, preferred: 600) == nil)  // Saturday
    }

    @Test func theResponseFollowsTheToxinsTimeCourse() {
        var random = SplitMix64(seed: 9)
        let effect = DemoCycleEffect(responder: .strong, using: &random)
        #expect(effect.share(onDay: 0) == 0)
        #expect(effect.share(onDay: 2) == 0)
        #expect(effect.share(onDay: 8) > 0 && effect.share(onDay: 8) < 0.2)
        #expect(effect.share(onDay: 21) == 1)
        #expect(effect.share(onDay: 30) == 1)
        #expect(effect.share(onDay: 112) == 0)
        #expect(effect.pain(usual: 8, onDay: 21) <= 8 * 0.5)
        var previous = 2.0
        for day in 21...120 {
            #expect(effect.share(onDay: day) <= previous)
            previous = effect.share(onDay: day)
        }
        let flat = DemoCycleEffect(responder: .none, using: &random)
        #expect(flat.pain(usual: 6, onDay: 21) >= 6 * 0.85)
    }

    @Test func lotsAreInDateWhenUsed() {
        for offset in stride(from: 0, to: 800, by: 3) {
            let date = CalendarDate(year: 2025, month: 1, day: 1)!.adding(days: offset)
            for product in [ToxinProduct.onabotulinumtoxinA, .incobotulinumtoxinA] {
                let lot = DemoLots.lot(of: product, on: date)
                #expect(lot.expiry > date.adding(days: 400))
                #expect(!lot.number.isEmpty)
            }
        }
        #expect(DemoLots.lot(of: .onabotulinumtoxinA, on: CalendarDate(year: 2025, month: 1, day: 1)!).number.hasPrefix("C"))
    }

    @Test func instantsAreClinicWallClockTimes() {
        let london = TimeZone(identifier: "Europe/London")!
        let clock = DemoClock(today: CalendarDate(year: 2026, month: 3, day: 16)!, timeZone: london)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        // Winter, summer and both days the clocks change.
        for (year, month, day) in [(2026, 1, 12), (2026, 3, 29), (2026, 7, 1), (2025, 10, 26), (2027, 3, 1)] {
            let date = CalendarDate(year: year, month: month, day: day)!
            for minute in [7 * 60, 9 * 60 + 30, 17 * 60, 22 * 60 + 59] {
                let expected = calendar.date(from: DateComponents(year: year, month: month, day: day,
                                                                  hour: minute / 60, minute: minute % 60))!
                #expect(clock.instant(date, minute: minute) == expected, "\(date) \(minute)")
            }
        }
    }
}
