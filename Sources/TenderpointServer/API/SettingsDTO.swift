import Foundation
import TenderpointCore
import Vapor

/// `GET /api/settings`: the clinic's rules as they are in force.
struct SettingsDTO: Content, Equatable {
    /// One product's limits: those in force and the product default; null where there are none
    /// (a product without limits cannot be charted).
    struct ProductLimits: Content, Equatable {
        let effective: DoseLimits?
        let `default`: DoseLimits?
        /// True when the clinic's own limits replace the default.
        let clinicSet: Bool
        let chartable: Bool

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNullable(effective, forKey: .effective)
            try container.encodeNullable(`default`, forKey: .default)
            try container.encode(clinicSet, forKey: .clinicSet)
            try container.encode(chartable, forKey: .chartable)
        }
    }

    /// Keyed by product identifier.
    let doseLimits: [String: ProductLimits]
    /// `blocks` or `needsAcknowledgement`: the effect of a "yes" to `pregnant`.
    let pregnancyPolicy: ClinicSettingsStore.PregnancyPolicy
    let openWeekdays: [Weekday]
    /// Keyed by weekday; minutes after local midnight (`{"open":540,"close":1020}` is 09:00–17:00).
    let openingHours: [String: OpeningHours]
    let closedDates: [CalendarDate]
    /// Whose bank holidays close the clinic: `englandAndWales` (the default), `scotland`,
    /// `northernIreland` or `none`.
    let holidayRegion: HolidayRegion
    let timeZone: String
    /// How long a consent stays in force from its date (1–24 months, default 12).
    let consentValidityMonths: Int
    /// How far back a diary entry may describe (0–30 days, default 7).
    let diaryMaxDaysBack: Int

    init(_ rules: ClinicRules) {
        doseLimits = Dictionary(uniqueKeysWithValues: ToxinProduct.allCases.map { product in
            let effective = rules.doseLimits.limits(for: product)
            return (product.rawValue, ProductLimits(effective: effective, default: product.defaultLimits,
                                                    clinicSet: rules.doseLimits.overrides[product] != nil,
                                                    chartable: effective != nil))
        })
        pregnancyPolicy = ClinicSettingsStore.PregnancyPolicy(rules.screeningPolicy)
        openWeekdays = Weekday.allCases.filter(rules.calendar.openWeekdays.contains)
        openingHours = Dictionary(uniqueKeysWithValues: rules.calendar.openingHours.map { ($0.key.rawValue, $0.value) })
        closedDates = rules.calendar.closedDates.sorted()
        holidayRegion = rules.calendar.holidayRegion
        timeZone = rules.calendar.timeZone.identifier
        consentValidityMonths = rules.consentValidityMonths
        diaryMaxDaysBack = rules.diaryMaxDaysBack
    }
}

/// `PUT /api/settings/pregnancy-policy`.
struct PregnancyPolicyInput: Content {
    var effect: String
}

/// `PUT /api/settings/calendar`: any of the four; what is left out stays as it is.
struct CalendarInput: Content {
    var openWeekdays: [String]?
    var openingHours: [String: OpeningHours]?
    var closedDates: [String]?
    var holidayRegion: String?

    /// The calendar with this input applied over `current`, checked by the core.
    func applied(to current: ClinicCalendar) throws -> ClinicCalendar {
        var problems: [Problem] = []
        var weekdays = current.openWeekdays
        if let openWeekdays {
            weekdays = []
            for (index, name) in openWeekdays.enumerated() {
                if let day = Weekday(rawValue: name) {
                    weekdays.insert(day)
                } else {
                    problems.append(Problem(.unknownIdentifier, "\(name) is not a weekday (monday … sunday).",
                                            field: "openWeekdays[\(index)]"))
                }
            }
        }
        var hours = current.openingHours
        if let openingHours {
            hours = [:]
            for (name, value) in openingHours {
                if let day = Weekday(rawValue: name) {
                    hours[day] = value
                } else {
                    problems.append(Problem(.unknownIdentifier, "\(name) is not a weekday (monday … sunday).",
                                            field: "openingHours.\(name)"))
                }
            }
        } else {
            // Hours of days no longer open go with them; newly opened days get the standard hours.
            hours = hours.filter { weekdays.contains($0.key) }
        }
        var closed = current.closedDates
        if let closedDates {
            closed = []
            for (index, text) in closedDates.enumerated() {
                if let date = CalendarDate(iso: text) {
                    closed.insert(date)
                } else {
                    problems.append(Problem(.invalidDate, "closedDates must hold dates YYYY-MM-DD.", field: "closedDates[\(index)]"))
                }
            }
        }
        var region = current.holidayRegion
        if let holidayRegion {
            if let known = HolidayRegion(rawValue: holidayRegion) {
                region = known
            } else {
                let names = HolidayRegion.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(Problem(.unknownIdentifier, "holidayRegion must be one of \(names).", field: "holidayRegion"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return try ClinicCalendar(openWeekdays: weekdays, closedDates: closed, holidayRegion: region,
                                  timeZone: current.timeZone, openingHours: hours)
    }
}

/// `PUT /api/settings/periods` `{"consentValidityMonths","diaryMaxDaysBack"}`: either or both;
/// what is left out (or null) stays as it is.
struct PeriodsInput: Content {
    var consentValidityMonths: WholeNumberInput?
    var diaryMaxDaysBack: WholeNumberInput?
}

/// A number that must be whole, read so that a fraction (3.5) or a number beyond `Int` (1e19)
/// is refused as out of range naming its field, not as a body that does not decode.
enum WholeNumberInput: Codable, Equatable {
    case whole(Int)
    /// Any other number, as it was sent (a fraction, or too large for a whole number).
    case notWhole(Double)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .whole(value)
        } else if let value = try? container.decode(Double.self) {
            self = .notWhole(value)
        } else {
            // Text, true/false: the decoder's own type mismatch names the field.
            self = .whole(try container.decode(Int.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .whole(let value): try container.encode(value)
        case .notWhole(let value): try container.encode(value)
        }
    }

    /// The whole number, or `valueOutOfRange` naming `field` with `range` in the message.
    func whole(field: String, range: ClosedRange<Int>, unit: String) throws(Problem) -> Int {
        switch self {
        case .whole(let value): return value
        case .notWhole:
            throw Problem(.valueOutOfRange, "\(field) must be a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound).",
                          field: field)
        }
    }
}

/// `GET /api/calendar/holidays`: a region's bank holidays of a year, in the order of the days
/// taken off. `observed` is the published bank holiday (a weekday); `date` is the day itself,
/// which differs for a holiday at a weekend (the clinic closes on both).
struct HolidaysDTO: Content, Equatable {
    let year: Int
    let region: HolidayRegion
    let holidays: [BankHoliday]
}
