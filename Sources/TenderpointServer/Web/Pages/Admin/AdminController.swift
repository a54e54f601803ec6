import TenderpointCore
import Vapor

/// `/admin` and its three areas (users, settings, audit trail), for admins only: every
/// handler asks the access table (`manageUsers`, `manageSettings`, `readAudit`), so any other
/// role gets the audited 403 page.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin")
        admin.get(use: home)
        try admin.register(collection: AdminUsersController())
        try admin.register(collection: AdminSettingsController())
        try admin.register(collection: AdminAuditController())
    }

    @Sendable
    func home(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let areas = AdminHomePage.areas(for: user.role)
        // No area: refused through the access table, so the refusal is audited like any other.
        if areas.isEmpty { try await request.authorize(.manageUsers, resource: "AdminPage") }
        var model = AdminHomePage.Model(areas: areas)
        if AccessTable.allows(user.role, .manageSettings) {
            model.backup = try await BackupStatus.load(on: request.db, configuration: request.application.tenderpoint)
        }
        return AdminHomePage.View.render(model, context: request.pageContext).response()
    }
}
