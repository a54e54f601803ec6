import Foundation
import Testing
@testable import TenderpointCore

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

private func problems(_ body: () throws(Problems) -> ReinjectionDecision) -> [Problem] {
    do {
        let decision = try body()
        Issue.record("expected problems, got \(decision)")
        return []
    } catch {
        return error.all
    }
}

@Test func constantsAreTwelveAndSixteenWeeks() {
    #expect(ReinjectionWindow.minimumIntervalDays == 84)
    #expect(ReinjectionWindow.targetFromDays == 84)
    #expect(ReinjectionWindow.targetToDays == 112)
}

// Hand arithmetic, session date + N days:
// 2026-01-05 → Jan 31 is +26, Feb 28 is +54, Mar 30 is +84; Apr 27 is +112.
// 2028-01-10 (leap year) → Jan 31 +21, Feb 29 +50, Mar 31 +81, Apr 3 +84.
// 2027-01-10 (common year) → Jan 31 +21, Feb 28 +49, Mar 31 +80, Apr 4 +84.
// 2028-02-29 → Mar 31 +31, Apr 30 +61, May 23 +84; May 31 +92, Jun 20 +112.
// 2025-11-20 → Nov 30 +10, Dec 31 +41, Jan 31 +72, Feb 12 +84; Feb 28 +100, Mar 12 +112.
@Test(arguments: [
    ("2026-01-05", "2026-03-30", "2026-04-27"),
    ("2028-01-10", "2028-04-03", "2028-05-01"),
    ("2027-01-10", "2027-04-04", "2027-05-02"),
    ("2028-02-29", "2028-05-23", "2028-06-20"),
    ("2025-11-20", "2026-02-12", "2026-03-12"),
])
func windowAfterLastSession(last: String, earliest: String, targetTo: String) {
    let window = ReinjectionWindow.window(after: day(last))
    #expect(window.lastSessionDate == day(last))
    #expect(window.earliest == day(earliest))
    #expect(window.targetFrom == day(earliest))
    #expect(window.targetTo == day(targetTo))
}

@Test func noPreviousSessionIsFirstSession() throws {
    #expect(try ReinjectionWindow.decide(proposed: day("2026-01-05"), lastSession: nil, override: nil) == .firstSession)
    // An override that is not needed is ignored, even from a role that may not override.
    let needless = ReinjectionOverride(reason: "", by: .reception)
    #expect(try ReinjectionWindow.decide(proposed: day("2026-01-05"), lastSession: nil, override: needless) == .firstSession)
}

@Test(arguments: [
    // (last, proposed, days, in target window)
    ("2026-01-05", "2026-03-30", 84, true),
    ("2026-01-05", "2026-04-27", 112, true),
    ("2026-01-05", "2026-04-28", 113, false),
    ("2026-01-05", "2027-01-05", 365, false),
    ("2028-01-10", "2028-04-03", 84, true),
    ("2028-02-29", "2028-05-23", 84, true),
])
func allowedFromDay84(last: String, proposed: String, days: Int, inWindow: Bool) throws {
    let decision = try ReinjectionWindow.decide(proposed: day(proposed), lastSession: day(last), override: nil)
    #expect(decision == .allowed(inTargetWindow: inWindow, daysSinceLast: days))
}

@Test(arguments: [
    // (last, proposed, days, earliest)
    ("2026-01-05", "2026-03-29", 83, "2026-03-30"),
    ("2028-01-10", "2028-04-02", 83, "2028-04-03"),   // crosses 29 February
    ("2026-01-05", "2026-01-13", 8, "2026-03-30"),    // a "booster" at the onset check
    ("2026-01-05", "2026-01-26", 21, "2026-03-30"),   // a "top-up" at the peak review
    ("2026-01-05", "2026-01-05", 0, "2026-03-30"),    // a second session the same day
    ("2026-03-30", "2026-03-20", -10, "2026-06-22"),  // back-dated; 2026-03-30 + 84: Apr 30 +31, May 31 +62, Jun 22 +84
])
func tooEarlyWithoutOverrideIsRefused(last: String, proposed: String, days: Int, earliest: String) {
    #expect(ReinjectionWindow.assess(proposed: day(proposed), lastSession: day(last))
            == .tooEarly(earliest: day(earliest), daysSinceLast: days))
    let found = problems { () throws(Problems) in
        try ReinjectionWindow.decide(proposed: day(proposed), lastSession: day(last), override: nil)
    }
    #expect(found.map(\.code) == [.intervalTooShort])
    #expect(found.first?.field == "date")
    #expect(found.first?.message.contains(earliest) == true)
    #expect(found.first?.message.contains(last) == true)
}

@Test func refusalMessageGivesDaysSinceLast() {
    let early = problems { () throws(Problems) in
        try ReinjectionWindow.decide(proposed: day("2026-03-29"), lastSession: day("2026-01-05"), override: nil)
    }
    #expect(early.first?.message ==
            "Only 83 days since the last session (2026-01-05); the minimum interval is 84 days, so the earliest date is 2026-03-30.")
    let sameDay = problems { () throws(Problems) in
        try ReinjectionWindow.decide(proposed: day("2026-01-05"), lastSession: day("2026-01-05"), override: nil)
    }
    #expect(sameDay.first?.message.contains("same day") == true)
    let backDated = problems { () throws(Problems) in
        try ReinjectionWindow.decide(proposed: day("2026-03-20"), lastSession: day("2026-03-30"), override: nil)
    }
    #expect(backDated.first?.message.contains("10 days before the last session") == true)
}

@Test func clinicianOverrideWithReasonIsAllowedAndTrimmed() throws {
    let override = ReinjectionOverride(reason: "  Travelling abroad for 4 months; patient informed of risk.\n", by: .clinician)
    let decision = try ReinjectionWindow.decide(proposed: day("2026-03-29"), lastSession: day("2026-01-05"), override: override)
    #expect(decision == .overridden(reason: "Travelling abroad for 4 months; patient informed of risk.", daysSinceLast: 83))
}

@Test func clinicianMayOverrideSameDayAndBackDatedSessions() throws {
    let override = ReinjectionOverride(reason: "Second vial charted separately", by: .clinician)
    #expect(try ReinjectionWindow.decide(proposed: day("2026-01-05"), lastSession: day("2026-01-05"), override: override)
            == .overridden(reason: "Second vial charted separately", daysSinceLast: 0))
    #expect(try ReinjectionWindow.decide(proposed: day("2026-03-20"), lastSession: day("2026-03-30"), override: override)
            == .overridden(reason: "Second vial charted separately", daysSinceLast: -10))
}

@Test(arguments: [Role.nurse, .admin, .reception, .patient])
func onlyAClinicianMayOverride(role: Role) {
    let override = ReinjectionOverride(reason: "Patient asked for it", by: role)
    let found = problems { () throws(Problems) in
        try ReinjectionWindow.decide(proposed: day("2026-03-29"), lastSession: day("2026-01-05"), override: override)
    }
    #expect(found.map(\.code) == [.overrideNotPermitted])
    #expect(found.first?.field == "override")
}

@Test(arguments: ["", "   ", "\n\t "])
func overrideNeedsAWrittenReason(reason: String) {
    let override = ReinjectionOverride(reason: reason, by: .clinician)
    let found = problems { () throws(Problems) in
        try ReinjectionWindow.decide(proposed: day("2026-03-29"), lastSession: day("2026-01-05"), override: override)
    }
    #expect(found.map(\.code) == [.overrideReasonRequired])
    #expect(found.first?.field == "override.reason")
}

@Test func nurseWithBlankReasonGetsBothProblems() {
    let override = ReinjectionOverride(reason: " ", by: .nurse)
    let found = problems { () throws(Problems) in
        try ReinjectionWindow.decide(proposed: day("2026-03-29"), lastSession: day("2026-01-05"), override: override)
    }
    #expect(found.map(\.code) == [.overrideNotPermitted, .overrideReasonRequired])
}

@Test func overrideIsIgnoredWhenNotTooEarly() throws {
    let override = ReinjectionOverride(reason: "", by: .nurse)
    #expect(try ReinjectionWindow.decide(proposed: day("2026-03-30"), lastSession: day("2026-01-05"), override: override)
            == .allowed(inTargetWindow: true, daysSinceLast: 84))
}

@Test func decideAgainstAllSessionsUsesTheLatestEvenIfLater() throws {
    // Listed out of order on purpose; the latest is 2026-01-05.
    let sessions = [day("2025-10-01"), day("2026-01-05"), day("2025-07-01")]
    #expect(try ReinjectionWindow.decide(proposed: day("2026-03-30"), sessionDates: sessions, override: nil)
            == .allowed(inTargetWindow: true, daysSinceLast: 84))
    for tooEarly in ["2026-03-29", "2026-01-05", "2025-12-01"] {
        let found = problems { () throws(Problems) in
            try ReinjectionWindow.decide(proposed: day(tooEarly), sessionDates: sessions, override: nil)
        }
        #expect(found.map(\.code) == [.intervalTooShort], "proposed \(tooEarly)")
    }
    #expect(try ReinjectionWindow.decide(proposed: day("2026-03-30"), sessionDates: [CalendarDate](), override: nil)
            == .firstSession)
}

@Test func mostRecentSessionBeforeIsStrict() {
    let sessions = [day("2025-06-01"), day("2026-01-05"), day("2025-10-01")]
    #expect(ReinjectionWindow.mostRecentSession(before: day("2026-01-05"), among: sessions) == day("2025-10-01"))
    #expect(ReinjectionWindow.mostRecentSession(before: day("2026-01-06"), among: sessions) == day("2026-01-05"))
    #expect(ReinjectionWindow.mostRecentSession(before: day("2025-09-30"), among: sessions) == day("2025-06-01"))
    #expect(ReinjectionWindow.mostRecentSession(before: day("2025-06-01"), among: sessions) == nil)
    #expect(ReinjectionWindow.mostRecentSession(before: day("2026-01-05"), among: [CalendarDate]()) == nil)
}

@Test func windowEncodesAllDatesAndDecodesFromLastSession() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(ReinjectionWindow.window(after: day("2026-01-05"))), as: UTF8.self)
    #expect(json == #"{"earliest":"2026-03-30","lastSessionDate":"2026-01-05","targetFrom":"2026-03-30","targetTo":"2026-04-27"}"#)
    let decoded = try JSONDecoder().decode(ReinjectionWindow.self, from: Data(#"{"lastSessionDate":"2028-02-29"}"#.utf8))
    #expect(decoded.earliest == day("2028-05-23"))
    #expect(decoded.targetTo == day("2028-06-20"))
}
