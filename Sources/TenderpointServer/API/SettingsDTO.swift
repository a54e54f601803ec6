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
    let timeZone: String

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
        timeZone = rules.calendar.timeZone.identifier
    }
}

/// `PUT /api/settings/pregnancy-policy`.
struct PregnancyPolicyInput: Content {
    var effect: String
}

/// `PUT /api/settings/calendar`: any of the three; what is left out stays as it is.
struct CalendarInput: Content {
    var openWeekdays: [String]?
    var openingHours: [String: OpeningHours]?
    var closedDates: [String]?

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
        guard problems.isEmpty else { throw Problems(problems) }
        return try ClinicCalendar(openWeekdays: weekdays, closedDates: closed, timeZone: current.timeZone, openingHours: hours)
    }
}
