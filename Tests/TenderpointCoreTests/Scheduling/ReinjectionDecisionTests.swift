import Testing
@testable import TenderpointCore

@Test func decisionDaysSinceLast() {
    #expect(ReinjectionDecision.firstSession.daysSinceLast == nil)
    #expect(ReinjectionDecision.allowed(inTargetWindow: false, daysSinceLast: 113).daysSinceLast == 113)
    #expect(ReinjectionDecision.tooEarly(earliest: CalendarDate(iso: "2026-03-30")!, daysSinceLast: -2).daysSinceLast == -2)
    #expect(ReinjectionDecision.overridden(reason: "x", daysSinceLast: 83).daysSinceLast == 83)
}
