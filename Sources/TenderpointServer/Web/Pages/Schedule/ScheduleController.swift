import Vapor

/// the schedule pages (being built).
struct ScheduleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
