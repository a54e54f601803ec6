import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// A date search value: a prefix and the period the written date stands for. `2024` is all of
/// 2024, `2024-05-01` that day, both in the clinic's time zone (FHIR: a date without a zone is
/// in the server's); `2024-05-01T10:00:00Z` is that second. Every value Tenderpoint searches
/// is a moment (an assessment's time) or a clinic day, so the FHIR rules for ranges reduce to:
/// `eq` in the period, `ne` outside it, `lt` before it, `gt` after it, `le` up to its end,
/// `ge` from its start.
struct FHIRDateSearch: Sendable, Equatable {
    enum Prefix: String, Sendable, CaseIterable {
        case eq, ne, gt, lt, ge, le
    }

    let prefix: Prefix
    /// The period's first moment and the moment after its end (half-open).
    let lower: Date
    let upper: Date
    /// The same period in clinic days: the first day and the day after the last (half-open). A
    /// value with a time covers the days its moments fall on.
    let firstDay: CalendarDate
    let dayAfter: CalendarDate

    /// Prefixes FHIR defines that Tenderpoint does not answer: reported, not ignored.
    static let unsupportedPrefixes = ["sa", "eb", "ap"]

    /// Reads `ge2024-05-01`, `2024`, `lt2024-05-01T10:00:00+01:00`. `name` is the parameter, for
    /// the message. A date-only parameter (`birthdate`) refuses a time.
    init(_ text: String, name: String, timeZone: TimeZone, dateOnly: Bool = false) throws(FHIRError) {
        var rest = Substring(text)
        var prefix = Prefix.eq
        if let first = rest.first, first.isLetter {
            let written = String(rest.prefix(2))
            if Self.unsupportedPrefixes.contains(written) {
                throw FHIRError.invalidParameter(name, "The date prefix \(written) is not supported on \(name); use one of eq, ne, gt, lt, ge, le.")
            }
            guard let known = Prefix(rawValue: written) else {
                throw FHIRError.invalidParameter(name, "\(name)=\(text) has an unknown prefix; use eq, ne, gt, lt, ge or le before the date.")
            }
            prefix = known
            rest = rest.dropFirst(2)
        }
        // A "+" of a zone offset that was not percent-encoded arrives as a space (form encoding).
        let written = String(rest).replacingOccurrences(of: " ", with: "+")
        guard let dateTime = FHIRDateTime(written) else {
            throw FHIRError.invalidParameter(name, "\(name)=\(text) is not a FHIR date or dateTime (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz).")
        }
        if dateOnly, dateTime.hasTime {
            throw FHIRError.invalidParameter(name, "\(name) is a date: give YYYY, YYYY-MM or YYYY-MM-DD, without a time.")
        }
        self.prefix = prefix
        if let moment = dateTime.date {
            lower = moment
            // The value's own precision: whole seconds, or milliseconds when a fraction is given.
            upper = moment.addingTimeInterval(written.contains(".") ? 0.001 : 1)
            firstDay = CalendarDate(lower, in: timeZone)
            dayAfter = CalendarDate(upper.addingTimeInterval(-0.000_001), in: timeZone).adding(days: 1)
        } else {
            let date = dateTime.datePart
            let first = CalendarDate(year: date.year, month: date.month ?? 1, day: date.day ?? 1)!
            let after: CalendarDate = switch date.precision {
            case .year: first.adding(years: 1)
            case .month: first.adding(months: 1)
            case .day: first.adding(days: 1)
            }
            firstDay = first
            dayAfter = after
            lower = first.start(in: timeZone)
            upper = after.start(in: timeZone)
        }
    }

    /// The condition on a column holding moments.
    func condition(instantColumn column: String) -> SQLQueryString {
        condition(column, lower: lower, upper: upper)
    }

    /// The condition on a column holding clinic days as `YYYY-MM-DD` text (text order is day order).
    func condition(dayColumn column: String) -> SQLQueryString {
        condition(column, lower: firstDay.iso, upper: dayAfter.iso)
    }

    private func condition(_ column: String, lower: some Encodable & Sendable, upper: some Encodable & Sendable) -> SQLQueryString {
        switch prefix {
        case .eq: "(\(unsafeRaw: column) >= \(bind: lower) AND \(unsafeRaw: column) < \(bind: upper))"
        case .ne: "(\(unsafeRaw: column) < \(bind: lower) OR \(unsafeRaw: column) >= \(bind: upper))"
        case .gt: "\(unsafeRaw: column) >= \(bind: upper)"
        case .ge: "\(unsafeRaw: column) >= \(bind: lower)"
        case .lt: "\(unsafeRaw: column) < \(bind: lower)"
        case .le: "\(unsafeRaw: column) < \(bind: upper)"
        }
    }

    /// Whether a moment matches, for values computed outside SQL.
    func matches(_ moment: Date) -> Bool {
        switch prefix {
        case .eq: lower <= moment && moment < upper
        case .ne: moment < lower || moment >= upper
        case .gt: moment >= upper
        case .ge: moment >= lower
        case .lt: moment < lower
        case .le: moment < upper
        }
    }
}
