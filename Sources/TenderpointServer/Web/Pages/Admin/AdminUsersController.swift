import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `/admin/users…`: the accounts. Every change runs `UserAccounts` (the rules the command line
/// uses) in one write transaction with its audit record (resource `User`; never a password).
struct AdminUsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get(use: list)
        users.get("new", use: newForm)
        users.post(use: create)
        users.get(":userID", use: account)
        users.post(":userID", "role", use: changeRole)
        users.post(":userID", "deactivate", use: deactivate)
        users.post(":userID", "reactivate", use: reactivate)
        users.post(":userID", "password", use: resetPassword)
        users.post(":userID", "unlock", use: unlock)
    }

    @Sendable
    func list(request: Request) async throws -> Response {
        try await request.authorize(.manageUsers, resource: "User")
        var model = AdminUsersPage.Model()
        model.query = (try? request.query.get(String.self, at: "q")) ?? ""
        model.role = (try? request.query.get(String.self, at: "role")).flatMap { Role(rawValue: $0)?.rawValue } ?? ""
        // Pages clamp: a hand-edited offset shows the nearest page instead of trapping on `offset + pageSize`.
        model.offset = min(max(0, (try? request.query.get(Int.self, at: "offset")) ?? 0), Paging.offsets.upperBound)
        model.page = try await AdminUserQuery.list(role: Role(rawValue: model.role), text: model.query, offset: model.offset,
                                                   on: request.db as! any SQLDatabase)
        await request.auditRead("User", patient: nil, action: .search,
                                detail: "admin: \(model.page.accounts.count) of \(model.page.total) accounts")
        // The list names each patient account's patient: their own trail says so.
        for account in model.page.accounts {
            if let patient = account.patient {
                await request.auditRead("User", id: account.id.uuidString, patient: patient.id, action: .search, detail: "admin: account list")
            }
        }
        return AdminUsersPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func newForm(request: Request) async throws -> Response {
        try await request.authorize(.manageUsers, resource: "User")
        return AdminNewUserPage.View.render(AdminNewUserPage.Model(), context: request.pageContext).response()
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        let admin = try await request.authorize(.manageUsers, resource: "User")
        let form = AdminNewUserForm(try await request.webForm())
        var errors = form.problems
        let role = Role(rawValue: form.role)
        var patientID: UUID?
        if role == .patient, !form.patient.isEmpty {
            switch try await AdminPatientLookup.onePatient(matching: form.patient, on: request.db) {
            case .found(let patients): patientID = patients.first?.id
            case .refused(let message): errors["patient"] = message
            }
        } else if role != nil, role != .patient, !form.patient.isEmpty {
            errors["patient"] = "Only a patient account is linked to a patient record: leave this empty for staff."
        }
        if let role {
            for problem in UserAccounts.validate(username: form.username, password: form.password, role: role, patientID: patientID) {
                let field = problem.field ?? "username"
                if errors[field] == nil { errors[field] = AdminFormFields.sentence(problem.message) }
            }
        }
        if errors.isEmpty, let role {
            let hasher = request.password.async
            let patientID = patientID
            let displayName = form.displayName.isEmpty ? nil : form.displayName
            do {
                let id = try await request.db.writeTransaction { database in
                    let user = try await UserAccounts.create(username: form.username, password: form.password, role: role,
                                                             displayName: displayName, patientID: patientID, hasher: hasher, on: database)
                    let id = try user.requireID()
                    try await AuditLog.insert(AuditEntry(user: admin, action: .create, resourceType: "User", resourceID: id.uuidString,
                                                         patientID: patientID, detail: "web: \(role.rawValue) account \(user.username)"),
                                              on: database)
                    return id
                }
                return request.seeOther("/admin/users/\(id.uuidString)?done=created")
            } catch {
                try Self.collect(error, into: &errors)
            }
        }
        var model = AdminNewUserPage.Model(form: form, errors: errors)
        model.form.password = ""
        model.form.passwordConfirmation = ""
        return AdminNewUserPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    @Sendable
    func account(request: Request) async throws -> Response {
        let admin = try await request.authorize(.manageUsers, resource: "User")
        var model = try await Self.model(request, admin: admin)
        model.notice = AdminUserPage.notice(try? request.query.get(String.self, at: "done"))
        await request.auditRead("User", id: model.account.id.uuidString, patient: model.account.patient?.id, detail: "admin: account page")
        return AdminUserPage.View.render(model, context: request.pageContext).response()
    }

    @Sendable
    func changeRole(request: Request) async throws -> Response {
        let admin = try await request.authorize(.manageUsers, resource: "User")
        var model = try await Self.model(request, admin: admin)
        let form = try await request.webForm()
        model.role = form["role"] ?? ""
        model.patient = form["patient"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let account = model.account
        guard let role = Role(rawValue: model.role) else {
            model.errors["role"] = "Choose a role."
            return Self.refused(model, request)
        }
        var patientID: UUID?
        if role == .patient {
            guard !model.patient.isEmpty else {
                model.errors["patient"] = "A patient account must be linked to its patient record: enter the NHS number, record id or name."
                return Self.refused(model, request)
            }
            switch try await AdminPatientLookup.onePatient(matching: model.patient, on: request.db) {
            case .found(let patients): patientID = patients.first?.id
            case .refused(let message):
                model.errors["patient"] = message
                return Self.refused(model, request)
            }
        }
        guard role != account.role || patientID != account.patient?.id else {
            return request.seeOther("/admin/users/\(account.id.uuidString)?done=role")
        }
        let linked = patientID ?? account.patient?.id
        let newPatient = patientID
        return try await Self.change(model, request, done: "role") { database in
            let old = try await UserAccounts.changeRole(account.id, to: role, patientID: newPatient, actor: admin.id, on: database)
            let link = newPatient.map { " linked to patient \($0.uuidString)" } ?? ""
            return AuditEntry(user: admin, action: .update, resourceType: "User", resourceID: account.id.uuidString, patientID: linked,
                              detail: "web: \(account.username) role \(old.rawValue) → \(role.rawValue)\(link)")
        }
    }

    @Sendable
    func deactivate(request: Request) async throws -> Response {
        try await setActive(request, false)
    }

    @Sendable
    func reactivate(request: Request) async throws -> Response {
        try await setActive(request, true)
    }

    private func setActive(_ request: Request, _ active: Bool) async throws -> Response {
        let admin = try await request.authorize(.manageUsers, resource: "User")
        let model = try await Self.model(request, admin: admin)
        let account = model.account
        return try await Self.change(model, request, done: active ? "reactivated" : "deactivated") { database in
            let ended = try await UserAccounts.setActive(account.id, active, actor: admin.id, on: database)
            return AuditEntry(user: admin, action: .update, resourceType: "User", resourceID: account.id.uuidString,
                              patientID: account.patient?.id,
                              detail: active ? "web: reactivated \(account.username)" : "web: deactivated \(account.username); \(ended.description)")
        }
    }

    @Sendable
    func resetPassword(request: Request) async throws -> Response {
        let admin = try await request.authorize(.manageUsers, resource: "User")
        var model = try await Self.model(request, admin: admin)
        let form = try await request.webForm()
        let password = form["password"] ?? ""
        model.errors = AdminNewUserForm.passwordMismatch(password, form["passwordConfirmation"] ?? "")
        for problem in UserAccounts.passwordProblems(password) where model.errors["password"] == nil {
            model.errors["password"] = AdminFormFields.sentence(problem.message)
        }
        guard model.errors.isEmpty else { return Self.refused(model, request) }
        let account = model.account
        // Someone setting their own password stays signed in here; their other sign-ins end.
        let keeping = model.isSelf ? request.session.id.map { TokenDigest.hash($0.string) } : nil
        let hasher = request.password.async
        return try await Self.change(model, request, done: "password") { database in
            let ended = try await UserAccounts.resetPassword(account.id, password: password, keeping: keeping, hasher: hasher, on: database)
            return AuditEntry(user: admin, action: .update, resourceType: "User", resourceID: account.id.uuidString,
                              patientID: account.patient?.id, detail: "web: password reset for \(account.username); \(ended.description)")
        }
    }

    @Sendable
    func unlock(request: Request) async throws -> Response {
        let admin = try await request.authorize(.manageUsers, resource: "User")
        let model = try await Self.model(request, admin: admin)
        let account = model.account
        return try await Self.change(model, request, done: "unlocked") { database in
            let wasLocked = try await UserAccounts.clearLockout(account.id, on: database)
            return AuditEntry(user: admin, action: .update, resourceType: "User", resourceID: account.id.uuidString,
                              patientID: account.patient?.id,
                              detail: "web: \(wasLocked ? "lockout cleared" : "failed sign-ins reset") for \(account.username)")
        }
    }

    /// The account named in the path, as its page shows it.
    private static func model(_ request: Request, admin: AuthenticatedUser) async throws -> AdminUserPage.Model {
        guard let text = request.parameters.get("userID"), let id = UUID(uuidString: text),
              let account = try await AdminUserQuery.account(id, on: request.db as! any SQLDatabase) else {
            throw APIError.notFound("That account")
        }
        return AdminUserPage.Model(account: account, isSelf: account.id == admin.id)
    }

    /// Runs one change and its audit record in a write transaction, then back to the account
    /// page; a refusal from the account rules shows the page again with it beside its field.
    private static func change(_ model: AdminUserPage.Model, _ request: Request, done: String,
                               _ body: @escaping @Sendable (any Database) async throws -> AuditEntry) async throws -> Response {
        do {
            try await request.db.writeTransaction { database in
                let entry = try await body(database)
                try await AuditLog.insert(entry, on: database)
            }
            return request.seeOther("/admin/users/\(model.account.id.uuidString)?done=\(done)")
        } catch {
            var refused = model
            try collect(error, into: &refused.errors)
            return Self.refused(refused, request)
        }
    }

    private static func refused(_ model: AdminUserPage.Model, _ request: Request) -> Response {
        AdminUserPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
    }

    /// The account rules' refusals by field; anything else is not a refusal and goes on up.
    private static func collect(_ error: any Error, into errors: inout [String: String]) throws {
        let problems: [Problem]
        switch error {
        case let many as Problems: problems = many.all
        case let one as Problem: problems = [one]
        default: throw error
        }
        for problem in problems {
            let field = problem.field ?? "username"
            if errors[field] == nil { errors[field] = AdminFormFields.sentence(problem.message) }
        }
    }
}
