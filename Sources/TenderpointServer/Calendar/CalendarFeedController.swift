import Vapor

/// the iCalendar feeds (being built).
struct CalendarFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
