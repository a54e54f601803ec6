import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `GET`/`POST /setup/<token>`: the first admin account, through the link `serve` printed on an
/// empty database (`FirstStart`). A wrong token, a used link, a restarted server or any
/// existing account all give the plain 404 page: the link reveals nothing once it is spent.
/// The form is a web form like the others (session, CSRF token, labels); the account follows
/// the command line's rules and bcrypt hashing (`UserAccounts.create`) and is audited.
struct SetupController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("setup", ":token", use: form)
        routes.post("setup", ":token", use: create)
    }

    /// The first admin exists already (another instance, or another tab, won the race).
    private struct AlreadySetUp: Error {}

    @Sendable
    func form(request: Request) async throws -> Response {
        let token = try await Self.liveToken(request)
        return SetupPage.View.render(SetupPage.Model(token: token), context: request.pageContext).response()
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        let token = try await Self.liveToken(request)
        let form = try await request.webForm()
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let displayName = (form["displayName"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = form["password"] ?? ""
        var model = SetupPage.Model(token: token, username: username, displayName: displayName)

        for problem in UserAccounts.validate(username: username, password: password, role: .admin, patientID: nil) {
            let field = problem.field ?? "username"
            if model.errors[field] == nil { model.errors[field] = AdminFormFields.sentence(problem.message) }
        }
        if displayName.count > 100 {
            model.errors["displayName"] = "The name shown to others must be at most 100 characters."
        }
        if password != (form["passwordConfirmation"] ?? "") {
            model.errors["passwordConfirmation"] = "The two passwords differ: type the same password twice."
        }
        guard model.errors.isEmpty else {
            return SetupPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
        }

        let hasher = request.application.password.async
        let name = displayName.isEmpty ? nil : displayName
        do {
            try await request.db.writeTransaction { database in
                // Only one first admin: on PostgreSQL the users table is locked against other
                // instances' inserts until this transaction ends (SQLite's write transaction
                // already admits one writer), and the count is read under that lock.
                if let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" {
                    try await sql.raw("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE").run()
                }
                guard try await UserModel.query(on: database).count() == 0 else { throw AlreadySetUp() }
                let user = try await UserAccounts.create(username: username, password: password, role: .admin, displayName: name,
                                                         patientID: nil, hasher: hasher, on: database)
                let entry = AuditEntry(user: nil, action: .create, resourceType: "User", resourceID: try user.requireID().uuidString,
                                       detail: "first-start set-up link: admin account \(user.username)")
                try await AuditLog.insert(entry, on: database)
            }
        } catch is AlreadySetUp {
            request.application.setupLink?.invalidate()
            throw Abort(.notFound)
        } catch let problems as Problems {
            for problem in problems.all where model.errors[problem.field ?? "username"] == nil {
                model.errors[problem.field ?? "username"] = AdminFormFields.sentence(problem.message)
            }
            return SetupPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
        } catch let problem as Problem {
            model.errors[problem.field ?? "username"] = AdminFormFields.sentence(problem.message)
            return SetupPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
        }
        request.application.setupLink?.invalidate()
        request.logger.notice("first admin account created through the set-up link; the link no longer works")
        return request.seeOther("/login")
    }

    /// The token in the path when it is this instance's live link and no account exists yet; else 404.
    private static func liveToken(_ request: Request) async throws -> String {
        let given = request.parameters.get("token") ?? ""
        guard let link = request.application.setupLink, link.matches(given) else { throw Abort(.notFound) }
        guard try await UserModel.query(on: request.db).count() == 0 else {
            link.invalidate()
            throw Abort(.notFound)
        }
        return given
    }
}
