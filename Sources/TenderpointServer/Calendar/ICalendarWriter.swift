import Foundation

/// iCalendar text (RFC 5545) for the calendar feeds: a VCALENDAR of VEVENTs, CRLF line ends,
/// lines folded at 75 octets and TEXT values escaped. Written by hand because the feed needs only
/// this small part of the format, and every byte of it is tested.
enum ICalendarWriter {
    /// RFC 5545 §3.1: a content line should be no longer than 75 octets, excluding the line break.
    static let lineLimit = 75
    static let productID = "-//Tenderpoint//Calendar feed//EN"
    /// How often calendar apps are asked to fetch the feed again (RFC 7986 and the common X- name).
    static let refreshInterval = "PT1H"

    struct Event: Sendable, Equatable {
        enum Status: String, Sendable {
            case confirmed = "CONFIRMED"
            case cancelled = "CANCELLED"
        }

        let uid: String
        let start: Date
        let end: Date
        let summary: String
        let status: Status
    }

    /// The whole feed. `stamp` is DTSTAMP: with METHOD:PUBLISH, when this copy was made (§3.8.7.2).
    static func calendar(name: String, events: [Event], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + escape(productID),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
            "REFRESH-INTERVAL;VALUE=DURATION:" + refreshInterval,
            "X-PUBLISHED-TTL:" + refreshInterval,
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape(event.uid),
                "DTSTAMP:" + utc(stamp),
                "DTSTART:" + utc(event.start),
                "DTEND:" + utc(event.end),
                "SUMMARY:" + escape(event.summary),
                "STATUS:" + event.status.rawValue,
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// A TEXT value (§3.3.11): backslash, semicolon and comma escaped with a backslash, every
    /// line break (CRLF, LF or a lone CR) as `\n`, other control characters dropped (TEXT may
    /// not hold them) except the tab.
    static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case ";": result.append(contentsOf: "\\;".unicodeScalars)
            case ",": result.append(contentsOf: "\\,".unicodeScalars)
            case "\r": result.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCarriageReturn { result.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": result.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Folds one content line (§3.1): after at most 75 octets a CRLF and one space, the space
    /// counting toward the next line's 75. Breaks fall between Unicode scalars, never inside a
    /// UTF-8 sequence, so a line may end a few octets short of the limit.
    static func fold(_ line: String) -> String {
        var result = String.UnicodeScalarView()
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > lineLimit {
                result.append(contentsOf: "\r\n ".unicodeScalars)
                octets = 1
            }
            result.append(scalar)
            octets += width
        }
        return String(result)
    }

    /// A UTC DATE-TIME (§3.3.5, form #2): `20260316T090000Z`.
    static func utc(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
