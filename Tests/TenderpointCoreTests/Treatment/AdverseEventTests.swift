import Testing
@testable import TenderpointCore

/// A session on 2026-06-10; today is 2026-06-20.
@Suite struct AdverseEventTests {
    static let session = CalendarDate(iso: "2026-06-10")!
    static let today = CalendarDate(iso: "2026-06-20")!

    static func event(_ kind: AdverseEventKind = .ptosis, onset: String = "2026-06-14", resolved: String? = nil,
                      description: String? = nil) throws(Problems) -> AdverseEvent {
        try AdverseEvent(kind: kind, onsetDate: CalendarDate(iso: onset)!, severity: .moderate, serious: false,
                         description: description, resolvedOn: resolved.flatMap { CalendarDate(iso: $0) },
                         sessionDate: session, today: today)
    }

    static func fields(_ build: () throws(Problems) -> AdverseEvent) -> [String?] {
        do {
            _ = try build()
            return []
        } catch {
            return error.all.map(\.field)
        }
    }

    @Test func onsetFromTheSessionDayThroughToday() throws {
        #expect(try Self.event(onset: "2026-06-10").onsetDate.iso == "2026-06-10")
        #expect(try Self.event(onset: "2026-06-20").onsetDate.iso == "2026-06-20")
        #expect(Self.fields { () throws(Problems) in try Self.event(onset: "2026-06-09") } == ["onsetDate"])
        #expect(Self.fields { () throws(Problems) in try Self.event(onset: "2026-06-21") } == ["onsetDate"])
    }

    @Test func resolutionFromTheOnsetThroughToday() throws {
        #expect(try Self.event(onset: "2026-06-14", resolved: "2026-06-14").isResolved)
        #expect(Self.fields { () throws(Problems) in try Self.event(onset: "2026-06-14", resolved: "2026-06-13") } == ["resolvedOn"])
        #expect(Self.fields { () throws(Problems) in try Self.event(onset: "2026-06-14", resolved: "2026-06-21") } == ["resolvedOn"])
    }

    @Test func everyProblemAtOnce() {
        let long = String(repeating: "x", count: AdverseEvent.maximumDescriptionLength + 1)
        #expect(Self.fields { () throws(Problems) in try Self.event(onset: "2026-06-01", resolved: "2026-06-30", description: long) }
                == ["onsetDate", "resolvedOn", "description"])
    }

    @Test func aBlankDescriptionIsNone() throws {
        #expect(try Self.event(description: "  \n").description == nil)
        #expect(try Self.event(description: " left eyelid ").description == "left eyelid")
    }

    @Test func distantSpreadIsUrgentUntilResolved() throws {
        #expect(try Self.event(.distantSpread).isUrgent)
        #expect(try !Self.event(.distantSpread, resolved: "2026-06-18").isUrgent)
        #expect(try !Self.event(.headache).isUrgent)
    }
}
