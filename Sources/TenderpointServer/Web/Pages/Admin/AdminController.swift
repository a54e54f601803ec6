import Vapor

/// the admin pages (being built).
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
