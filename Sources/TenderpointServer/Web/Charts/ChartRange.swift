import TenderpointCore

/// How much of a patient's history the timeline chart shows (`?range=` on the page).
enum ChartRange: String, CaseIterable, Sendable {
    case quarter = "90d"
    case year = "1y"
    case all

    var title: String {
        switch self {
        case .quarter: "90 days"
        case .year: "1 year"
        case .all: "Everything"
        }
    }

    /// The first date shown; `all` starts at the earliest of the diary and the sessions.
    func start(today: CalendarDate, earliest: CalendarDate?) -> CalendarDate {
        switch self {
        case .quarter: today.adding(days: -89)
        case .year: today.adding(days: -364)
        case .all: min(earliest ?? today.adding(days: -89), today.adding(days: -29))
        }
    }
}
