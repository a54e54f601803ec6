import TenderpointCore
import Vapor

/// `/admin` and its three areas (users, settings, audit trail), for admins only: every
/// handler asks the access table (`manageUsers`, `manageSettings`, `readAudit`), so any other
/// role gets the audited 403 page.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin")
        admin.get(use: home)
        admin.post("backups", use: saveBackups)
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
        return AdminHomePage.View.render(try await Self.homeModel(request, role: user.role), context: request.pageContext).response()
    }

    static func homeModel(_ request: Request, role: Role) async throws -> AdminHomePage.Model {
        var model = AdminHomePage.Model(areas: AdminHomePage.areas(for: role))
        if AccessTable.allows(role, .manageSettings) {
            model.backup = try await BackupStatus.load(on: request.db, configuration: request.application.tenderpoint)
        }
        return model
    }

    /// `POST /admin/backups`: the daily backup's time and the copies kept (the API's checks and
    /// audit record); a refused form is shown again with its messages and what was typed.
    @Sendable
    func saveBackups(request: Request) async throws -> Response {
        let user = try await request.authorize(.manageSettings, resource: "ClinicSetting")
        let form = try await request.webForm()
        let time = form["backupTime"] ?? ""
        let copies = form["backupCopies"] ?? ""
        var errors: [String: String] = [:]
        do {
            let change = try BackupSettingsChange(time: time, copies: .text(copies))
            try await request.db.writeTransaction { database in try await change.store(by: user, on: database) }
            return request.seeOther("/admin")
        } catch let problems as Problems {
            for problem in problems.all { errors[problem.field == "copies" ? "backupCopies" : "backupTime"] = AdminFormFields.sentence(problem.message) }
        } catch let problem as Problem {
            errors[problem.field == "copies" ? "backupCopies" : "backupTime"] = AdminFormFields.sentence(problem.message)
        }
        var model = try await Self.homeModel(request, role: user.role)
        model.backupTime = time
        model.backupCopies = copies
        model.backupErrors = errors
        return AdminHomePage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }
}
