import Foundation

/// The ranges of numbers and dates people type (DOMAIN.md §4, "Numbers people type"): every one
/// is checked where it enters, and anything outside is a problem naming the field. The rules live
/// here once; the API, the pages and the importers ask.
public enum Bounded {
    /// Months of symptoms or of widespread pain: none to a lifetime (100 years).
    public static let months = 0...1200

    /// The earliest birth date, and the earliest date of anything recorded about a patient.
    public static let earliestDate = CalendarDate(year: 1900, month: 1, day: 1)!

    /// How far ahead an appointment may be booked.
    public static let appointmentYearsAhead = 2

    /// A whole number on its scale: nil when `value` lies in `range`, else a
    /// `value_out_of_range` problem naming `field` ("fatigue must be 0–3, not 7.").
    public static func wholeNumber(_ value: Int, in range: ClosedRange<Int>, field: String, name: String? = nil) -> Problem? {
        guard !range.contains(value) else { return nil }
        return Problem(.valueOutOfRange, "\(name ?? field) must be \(range.lowerBound)–\(range.upperBound), not \(value).", field: field)
    }

    /// A birth date: from 1900-01-01 to `today`, both included.
    public static func birthDate(_ date: CalendarDate, today: CalendarDate, field: String = "birthDate") -> Problem? {
        if date > today {
            return Problem(.invalidDate, "\(field) \(date) is in the future.", field: field)
        }
        if date < earliestDate {
            return Problem(.invalidDate, "\(field) \(date) is before \(earliestDate).", field: field)
        }
        return nil
    }

    /// The date of something that has happened to a patient (an assessment, the onset of a
    /// condition): from 1900-01-01 to `today`, and not before the patient's birth when known.
    public static func pastDate(_ date: CalendarDate, today: CalendarDate, birthDate: CalendarDate? = nil, field: String) -> Problem? {
        if date > today {
            return Problem(.invalidDate, "\(field) \(date) is in the future.", field: field)
        }
        if let birthDate, date < birthDate {
            return Problem(.invalidDate, "\(field) \(date) is before the patient's birth (\(birthDate)).", field: field)
        }
        if date < earliestDate {
            return Problem(.invalidDate, "\(field) \(date) is before \(earliestDate).", field: field)
        }
        return nil
    }

    /// The last clinic date an appointment may be booked on, seen from `today`.
    public static func latestAppointmentDate(today: CalendarDate) -> CalendarDate {
        today.adding(years: appointmentYearsAhead)
    }

    /// An appointment's start: not before `now` (appointments are booked ahead) and on a clinic
    /// date at most `appointmentYearsAhead` years after today's.
    public static func appointmentStart(_ start: Date, now: Date, timeZone: TimeZone, field: String = "start") -> Problem? {
        if start < now {
            return Problem(.invalidDate, "\(field) is in the past; an appointment is booked ahead.", field: field)
        }
        let date = CalendarDate(start, in: timeZone)
        let latest = latestAppointmentDate(today: CalendarDate(now, in: timeZone))
        if date > latest {
            return Problem(.invalidDate,
                           "\(field) \(date) is more than \(appointmentYearsAhead) years ahead; book on or before \(latest).",
                           field: field)
        }
        return nil
    }
}
