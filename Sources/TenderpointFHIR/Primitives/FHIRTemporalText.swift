import Foundation

/// The parts of a FHIR `date`, `dateTime` or `instant`, read by hand-written code that accepts
/// exactly the R4 grammar (regex below; `Regex` is not `Sendable`, so it cannot be a shared
/// constant) and, beyond the regex, only days that exist in their month (no 2023-02-29).
///
/// - date:     `([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?`
/// - dateTime: the date, and after a full date optionally
///             `T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))`
/// - instant:  a full date and that time, both required.
struct FHIRTemporalText: Hashable, Sendable {
    enum Form { case date, dateTime, instant }

    var year: Int
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute: Int?
    var second: Int?
    /// The digits after the decimal point of the seconds, as written.
    var fraction: String?
    /// Offset from UTC in seconds; present exactly when a time is.
    var offsetSeconds: Int?

    static func parse(_ text: String, as form: Form) -> FHIRTemporalText? {
        var reader = Reader(bytes: Array(text.utf8))
        guard let year = reader.digits(4), year != 0 else { return nil }
        var parts = FHIRTemporalText(year: year)
        if reader.isAtEnd { return form == .instant ? nil : parts }

        guard reader.take("-"), let month = reader.digits(2), (1...12).contains(month) else { return nil }
        parts.month = month
        if reader.isAtEnd { return form == .instant ? nil : parts }

        guard reader.take("-"), let day = reader.digits(2), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        parts.day = day
        if reader.isAtEnd { return form == .instant ? nil : parts }
        guard form != .date else { return nil }

        guard reader.take("T"),
              let hour = reader.digits(2), hour <= 23, reader.take(":"),
              let minute = reader.digits(2), minute <= 59, reader.take(":"),
              let second = reader.digits(2), second <= 60
        else { return nil }
        parts.hour = hour
        parts.minute = minute
        parts.second = second
        if reader.take(".") {
            guard let fraction = reader.digitRun(), !fraction.isEmpty else { return nil }
            parts.fraction = fraction
        }
        if reader.take("Z") {
            parts.offsetSeconds = 0
        } else {
            let sign: Int
            if reader.take("+") { sign = 1 } else if reader.take("-") { sign = -1 } else { return nil }
            guard let offsetHours = reader.digits(2), reader.take(":"), let offsetMinutes = reader.digits(2),
                  offsetMinutes <= 59, offsetHours <= 13 || (offsetHours == 14 && offsetMinutes == 0)
            else { return nil }
            parts.offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        return reader.isAtEnd ? parts : nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The instant, for text with a time; nil for a date of any precision.
    var date: Date? {
        guard let hour, let minute, let second, let offsetSeconds, let month, let day,
              let zone = TimeZone(secondsFromGMT: offsetSeconds)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let whole = calendar.date(from: components) else { return nil }
        let fractionSeconds = fraction.flatMap { Double("0." + $0) } ?? 0
        return whole.addingTimeInterval(fractionSeconds)
    }

    /// `date` written in `timeZone`, with milliseconds only when it has any.
    static func format(_ date: Date, timeZone: TimeZone) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let wholeSeconds = Date(timeIntervalSince1970: (milliseconds / 1000).rounded(.down))
        let millisecond = Int(milliseconds - (milliseconds / 1000).rounded(.down) * 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: wholeSeconds)
        precondition((1...9999).contains(parts.year ?? 0), "FHIR dates have four-digit years")
        var text = pad(parts.year ?? 0, 4) + "-" + pad(parts.month ?? 1, 2) + "-" + pad(parts.day ?? 1, 2)
        text += "T" + pad(parts.hour ?? 0, 2) + ":" + pad(parts.minute ?? 0, 2) + ":" + pad(parts.second ?? 0, 2)
        if millisecond != 0 { text += "." + pad(millisecond, 3) }
        let offset = timeZone.secondsFromGMT(for: wholeSeconds)
        if offset == 0 {
            text += "Z"
        } else {
            let minutes = abs(offset) / 60
            text += (offset < 0 ? "-" : "+") + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
        }
        return text
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard bytes.count - position >= count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += count
            return value
        }

        mutating func digitRun() -> String? {
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
    }
}
