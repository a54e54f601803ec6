import Foundation
import Testing
@testable import TenderpointServer

@Suite struct ICalendarWriterTests {
    /// Monday 16 March 2026, 09:00:00 UTC.
    static let nineOClock = Date(timeIntervalSince1970: 1_773_651_600)

    @Test func textEscapesBackslashSemicolonCommaAndEveryLineBreak() {
        #expect(ICalendarWriter.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarWriter.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        // A colon and a double quote need no escape in TEXT; control characters cannot appear.
        #expect(ICalendarWriter.escape("10:30 \"Dr\"\u{7}\tend") == "10:30 \"Dr\"\tend")
    }

    @Test func aLineOfExactly75OctetsIsNotFolded() {
        let line = String(repeating: "a", count: 75)
        #expect(ICalendarWriter.fold(line) == line)
    }

    @Test func the76thOctetStartsAContinuationLineWithOneSpace() {
        let line = String(repeating: "a", count: 75) + "b"
        #expect(ICalendarWriter.fold(line) == String(repeating: "a", count: 75) + "\r\n b")
    }

    @Test func continuationLinesHold74OctetsAfterTheirSpace() {
        let line = String(repeating: "x", count: 75 + 74 + 1)
        let folded = ICalendarWriter.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.map(\.utf8.count) == [75, 75, 2])
        #expect(physical[1] == " " + String(repeating: "x", count: 74))
        #expect(physical[2] == " x")
    }

    @Test func aTwoOctetCharacterThatWouldCrossTheLimitMovesToTheNextLine() {
        // 74 + 2 octets ("é" is C3 A9) = 76: the fold comes before "é", leaving 74 octets.
        let folded = ICalendarWriter.fold(String(repeating: "a", count: 74) + "é")
        #expect(Array(folded.utf8) == Array((String(repeating: "a", count: 74) + "\r\n é").utf8))
        // 73 + 2 = 75 octets exactly: no fold.
        let exact = String(repeating: "a", count: 73) + "é"
        #expect(ICalendarWriter.fold(exact) == exact)
    }

    @Test func aFourOctetCharacterIsNeverSplit() {
        // 72 + 4 ("😀" is F0 9F 98 80) = 76: folded before it, first line 72 octets.
        let folded = ICalendarWriter.fold(String(repeating: "a", count: 72) + "😀b")
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.map(\.utf8.count) == [72, 6])
        #expect(physical[1] == " 😀b")
        // Every physical line is valid UTF-8 on its own.
        for part in physical { #expect(String(validatingUTF8: part) != nil) }
    }

    @Test func instantsAreWrittenInUTCWithZ() {
        #expect(ICalendarWriter.utc(Self.nineOClock) == "20260316T090000Z")
        // 20 July 2026 08:30 in London (BST, UTC+1) is 07:30 UTC.
        #expect(ICalendarWriter.utc(Date(timeIntervalSince1970: 1_784_532_600)) == "20260720T073000Z")
    }

    @Test func theCalendarIsExactlyTheRFC5545TextWithCRLFLineEnds() {
        let event = ICalendarWriter.Event(uid: "0c2f7f4e-1f3a-4b7e-9d3c-0a1b2c3d4e5f@tenderpoint", start: Self.nineOClock,
                                          end: Self.nineOClock.addingTimeInterval(1800), summary: "AL · Injection session",
                                          status: .confirmed)
        let cancelled = ICalendarWriter.Event(uid: "x@tenderpoint", start: Self.nineOClock.addingTimeInterval(86_400),
                                              end: Self.nineOClock.addingTimeInterval(86_400 + 1200), summary: "Review, phone; room 2",
                                              status: .cancelled)
        let text = ICalendarWriter.calendar(name: "Tenderpoint — Dr Who", events: [event, cancelled],
                                            stamp: Date(timeIntervalSince1970: 1_773_640_800))
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Tenderpoint//Calendar feed//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Tenderpoint — Dr Who",
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
            "BEGIN:VEVENT",
            "UID:0c2f7f4e-1f3a-4b7e-9d3c-0a1b2c3d4e5f@tenderpoint",
            "DTSTAMP:20260316T060000Z",
            "DTSTART:20260316T090000Z",
            "DTEND:20260316T093000Z",
            "SUMMARY:AL · Injection session",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:x@tenderpoint",
            "DTSTAMP:20260316T060000Z",
            "DTSTART:20260317T090000Z",
            "DTEND:20260317T092000Z",
            #"SUMMARY:Review\, phone\; room 2"#,
            "STATUS:CANCELLED",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()
        #expect(text == expected)
        // No bare LF anywhere: every LF follows a CR.
        let bytes = Array(text.utf8)
        #expect(bytes.indices.allSatisfy { bytes[$0] != 0x0A || ($0 > 0 && bytes[$0 - 1] == 0x0D) })
    }

    @Test func aLongSummaryIsFoldedInsideTheDocument() {
        let summary = String(repeating: "é", count: 40) // 80 octets
        let event = ICalendarWriter.Event(uid: "u@tenderpoint", start: Self.nineOClock, end: Self.nineOClock, summary: summary,
                                          status: .confirmed)
        let text = ICalendarWriter.calendar(name: "n", events: [event], stamp: Self.nineOClock)
        // "SUMMARY:" is 8 octets, then 33 "é" (66) = 74; the 34th would make 76.
        #expect(text.contains("SUMMARY:" + String(repeating: "é", count: 33) + "\r\n " + String(repeating: "é", count: 7) + "\r\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    }
}
