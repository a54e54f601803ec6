import Vapor

/// the outcome report page (being built).
struct OutcomeReportPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
