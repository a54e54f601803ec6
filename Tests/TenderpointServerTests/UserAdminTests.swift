import Fluent
import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Users and roles on the admin pages: creating accounts that can sign in, the guards that keep
/// an admin in charge, deactivation ending every sign-in, password resets and lockouts — each
/// audited without a password anywhere.
@Suite struct UserAdminTests {
    /// An admin signed in on a browser.
    static func admin(_ app: Application, _ username: String = "boss") async throws -> (WebBrowser, UUID) {
        let id = try await WebFixture.account(app, username, .admin)
        let browser = WebBrowser(app)
        try await browser.signIn(username)
        // A page of the new session, for its CSRF token.
        try await browser.get("/admin")
        return (browser, id)
    }

    static func userAudit(_ app: Application) async throws -> [AuditEventModel] {
        await app.flushAudit()
        return try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "User")
            .filter(\.$action != "search").filter(\.$action != "read").sort(\.$at).all()
    }

    static func bearerToken(_ app: Application, _ username: String, _ password: String = "correct horse") async throws -> SignedIn? {
        let reply = try await app.records(.POST, "api/auth/token", nil, json: ["username": username, "password": password])
        guard reply.status == .ok else { return nil }
        struct Token: Decodable { let token: String }
        return SignedIn(token: try reply.decode(Token.self).token, userID: UUID())
    }

    @Test func anAdminCreatesANurseWhoThenSignsIn() async throws {
        try await withTestApp { app, _ in
            let (admin, adminID) = try await Self.admin(app)
            let form = try await admin.get("/admin/users/new")
            #expect(form.status == .ok)
            #expect(form.body.contains("<label for=\"passwordConfirmation\">"))
            let created = try await admin.post("/admin/users", [
                ("username", "Nurse.New"), ("displayName", "Nurse Ana New"), ("role", "nurse"), ("patient", ""),
                ("password", "a long secret"), ("passwordConfirmation", "a long secret"),
            ])
            #expect(created.status == .seeOther)
            let account = try #require(try await UserModel.query(on: app.db).filter(\.$username == "nurse.new").first())
            #expect(created.location == "/admin/users/\(try account.requireID().uuidString)?done=created")
            #expect(account.role == "nurse")
            #expect(account.displayName == "Nurse Ana New")
            #expect(account.passwordHash.hasPrefix("$2"))
            let page = try await admin.get(try #require(created.location))
            #expect(page.body.contains("The account was created."))

            let nurse = WebBrowser(app)
            let signIn = try await nurse.signIn("nurse.new", "a long secret")
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/today")
            #expect(try await nurse.get("/today").body.contains("Nurse Ana New"))

            let records = try await Self.userAudit(app)
            #expect(records.count == 1)
            #expect(records.first?.action == "create")
            #expect(records.first?.userID == adminID)
            #expect(records.first?.resourceID == account.id?.uuidString)
            #expect(records.first?.detail == "web: nurse account nurse.new")
            let everything = try await AuditEventModel.query(on: app.db).all()
            #expect(!everything.contains { ($0.detail ?? "").contains("a long secret") })
        }
    }

    @Test func mismatchedPasswordsAreRefusedBesideTheFieldWithTheRestKept() async throws {
        try await withTestApp { app, _ in
            let (admin, _) = try await Self.admin(app)
            try await admin.get("/admin/users/new")
            let refused = try await admin.post("/admin/users", [
                ("username", "nurse.kept"), ("displayName", "Kept Name"), ("role", "nurse"), ("patient", ""),
                ("password", "first secret"), ("passwordConfirmation", "second secret"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("The account was not created"))
            #expect(refused.body.contains("id=\"passwordConfirmation-error\""))
            #expect(refused.body.contains("The two passwords are not the same"))
            #expect(refused.body.contains("value=\"nurse.kept\""))
            #expect(refused.body.contains("value=\"Kept Name\""))
            #expect(refused.body.contains("<option value=\"nurse\" selected>"))
            #expect(!refused.body.contains("first secret"))
            #expect(!refused.body.contains("second secret"))
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "nurse.kept").count() == 0)

            // The command line's rules: a short password and a bad username, both at once.
            let short = try await admin.post("/admin/users", [
                ("username", "bad name!"), ("role", "clinician"), ("password", "short"), ("passwordConfirmation", "short"),
            ])
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.contains("Password must have at least 8 characters."))
            #expect(short.body.contains("Username must be 1–64 letters, digits or . _ - @."))
            #expect(short.body.contains("value=\"bad name!\""))
            // A taken username.
            let taken = try await admin.post("/admin/users", [
                ("username", "BOSS"), ("role", "clinician"), ("password", "a long secret"), ("passwordConfirmation", "a long secret"),
            ])
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.contains("Username boss is taken."))
            #expect(try await UserModel.query(on: app.db).count() == 1)
        }
    }

    @Test func aPatientAccountIsLinkedToAnExistingPatientRecord() async throws {
        try await withTestApp { app, _ in
            let ada = try await WebFixture.patient(app, given: "Ada", family: "Lovelace")
            _ = try await WebFixture.patient(app, given: "Grace", family: "Hopper")
            _ = try await WebFixture.patient(app, given: "Grace", family: "Kelly")
            let (admin, _) = try await Self.admin(app)
            try await admin.get("/admin/users/new")
            let fields: [(String, String)] = [("role", "patient"), ("password", "a long secret"), ("passwordConfirmation", "a long secret")]
            let unlinked = try await admin.post("/admin/users", [("username", "ada")] + fields + [("patient", "")])
            #expect(unlinked.status == .unprocessableEntity)
            #expect(unlinked.body.contains("A patient account must be linked to its patient record."))
            let nobody = try await admin.post("/admin/users", [("username", "ada"), ("patient", "Marie Curie")] + fields)
            #expect(nobody.body.contains("No patient matches “Marie Curie”"))
            let two = try await admin.post("/admin/users", [("username", "grace"), ("patient", "grace")] + fields)
            #expect(two.status == .unprocessableEntity)
            #expect(two.body.contains("2 patients match"))
            #expect(two.body.contains("value=\"grace\""))

            let linked = try await admin.post("/admin/users", [("username", "ada"), ("patient", "ada lovelace")] + fields)
            #expect(linked.status == .seeOther)
            let account = try #require(try await UserModel.query(on: app.db).filter(\.$username == "ada").first())
            #expect(account.$patient.id == ada)
            let records = try await Self.userAudit(app)
            #expect(records.map(\.patientID) == [ada])
            // The list names the record the account belongs to.
            let list = try await admin.get("/admin/users?role=patient")
            #expect(list.body.contains("Ada Lovelace"))
            // She signs in to her own portal.
            let portal = try await WebBrowser(app).signIn("ada", "a long secret")
            #expect(portal.location == "/portal")
        }
    }

    @Test func deactivatingEndsTheAccountsWebSessionsAndTokens() async throws {
        try await withTestApp { app, _ in
            let nurseID = try await WebFixture.account(app, "nurse", .nurse)
            let nurse = WebBrowser(app)
            try await nurse.signIn("nurse")
            let second = WebBrowser(app)
            try await second.signIn("nurse")
            let token = try #require(try await Self.bearerToken(app, "nurse"))
            #expect(try await app.records(.GET, "api/patients?name=x", token).status == .ok)

            let (admin, _) = try await Self.admin(app)
            try await admin.get("/admin/users/\(nurseID.uuidString)")
            let answer = try await admin.post("/admin/users/\(nurseID.uuidString)/deactivate", [])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/admin/users/\(nurseID.uuidString)?done=deactivated")

            #expect(try await nurse.get("/today").status == .seeOther)
            #expect(try await second.get("/today").status == .seeOther)
            #expect(try await app.records(.GET, "api/patients?name=x", token).status == .unauthorized)
            #expect(try await WebSessionRecord.query(on: app.db).filter(\.$userID == nurseID).count() == 0)
            #expect(try await TokenModel.query(on: app.db).filter(\.$user.$id == nurseID).count() == 0)
            // Nor can the account sign in again, by either door.
            #expect(try await WebBrowser(app).signIn("nurse").status == .unauthorized)
            #expect(try await Self.bearerToken(app, "nurse") == nil)
            let page = try await admin.get("/admin/users/\(nurseID.uuidString)")
            #expect(page.body.contains("Deactivated"))

            try await admin.post("/admin/users/\(nurseID.uuidString)/reactivate", [])
            #expect(try await WebBrowser(app).signIn("nurse").location == "/today")

            let records = try await Self.userAudit(app)
            #expect(records.map(\.detail) == ["web: deactivated nurse; ended 1 API token and 2 web sessions", "web: reactivated nurse"])
        }
    }

    @Test func anAdminCannotDeactivateOrDemoteThemselves() async throws {
        try await withTestApp { app, _ in
            let (admin, adminID) = try await Self.admin(app)
            let page = try await admin.get("/admin/users/\(adminID.uuidString)")
            #expect(page.body.contains("You cannot deactivate your own account"))
            #expect(page.body.contains("You cannot change your own role"))
            // Posting anyway is refused beside the field.
            let deactivate = try await admin.post("/admin/users/\(adminID.uuidString)/deactivate", [])
            #expect(deactivate.status == .unprocessableEntity)
            #expect(deactivate.body.contains("id=\"active-error\""))
            let demote = try await admin.post("/admin/users/\(adminID.uuidString)/role", [("role", "clinician"), ("patient", "")])
            #expect(demote.status == .unprocessableEntity)
            #expect(demote.body.contains("You cannot change your own role: another admin must."))
            let me = try #require(try await UserModel.find(adminID, on: app.db))
            #expect(me.active && me.role == "admin")
            #expect(try await Self.userAudit(app).isEmpty)
        }
    }

    @Test func theLastActiveAdminCanNeverBeRemoved() async throws {
        try await Self.lastAdmin(postgres: false)
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func theLastActiveAdminCanNeverBeRemovedOnPostgreSQL() async throws {
        try await Self.lastAdmin(postgres: true)
    }

    static func lastAdmin(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            let (admin, firstID) = try await Self.admin(app)
            let secondID = try await WebFixture.account(app, "deputy", .admin)
            // With two admins, one may demote the other…
            let demoted = try await admin.post("/admin/users/\(secondID.uuidString)/role", [("role", "clinician"), ("patient", "")])
            #expect(demoted.status == .seeOther)
            #expect(try await UserModel.find(secondID, on: app.db)?.role == "clinician")
            // …and now the first is the last: nobody (here the command line, with no actor) removes it.
            await #expect(throws: Problem.self) {
                try await UserAccounts.setActive(firstID, false, actor: nil, on: app.db)
            }
            await #expect(throws: Problem.self) {
                try await UserAccounts.changeRole(firstID, to: .nurse, patientID: nil, actor: nil, on: app.db)
            }
            do {
                try await UserAccounts.changeRole(firstID, to: .nurse, patientID: nil, actor: nil, on: app.db)
            } catch let problem as Problem {
                #expect(problem.message == "boss is the last active admin: make another account an admin first.")
                #expect(problem.field == "role")
            }
            // A deactivated admin does not count as another one.
            let sleeping = try await WebFixture.account(app, "sleeping", .admin)
            try await UserAccounts.setActive(sleeping, false, actor: firstID, on: app.db)
            await #expect(throws: Problem.self) {
                try await UserAccounts.setActive(firstID, false, actor: nil, on: app.db)
            }
            // An active second admin does.
            try await UserAccounts.setActive(sleeping, true, actor: firstID, on: app.db)
            try await UserAccounts.changeRole(firstID, to: .nurse, patientID: nil, actor: sleeping, on: app.db)
            #expect(try await UserModel.find(firstID, on: app.db)?.role == "nurse")
        }
    }

    @Test func aPasswordResetReplacesThePasswordAndEndsTheOtherSignIns() async throws {
        try await withTestApp { app, _ in
            let clinicianID = try await WebFixture.account(app, "clin", .clinician)
            let clinician = WebBrowser(app)
            try await clinician.signIn("clin")
            let (admin, _) = try await Self.admin(app)
            try await admin.get("/admin/users/\(clinicianID.uuidString)")
            let mismatch = try await admin.post("/admin/users/\(clinicianID.uuidString)/password",
                                                [("password", "new secret 1"), ("passwordConfirmation", "new secret 2")])
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.body.contains("The two passwords are not the same"))
            #expect(!mismatch.body.contains("new secret"))
            let reset = try await admin.post("/admin/users/\(clinicianID.uuidString)/password",
                                             [("password", "new secret 1"), ("passwordConfirmation", "new secret 1")])
            #expect(reset.location == "/admin/users/\(clinicianID.uuidString)?done=password")
            #expect(try await clinician.get("/today").status == .seeOther)
            #expect(try await WebBrowser(app).signIn("clin").status == .unauthorized)
            #expect(try await WebBrowser(app).signIn("clin", "new secret 1").location == "/today")
            let records = try await Self.userAudit(app)
            #expect(records.map(\.detail) == ["web: password reset for clin; ended 0 API tokens and 1 web session"])
        }
    }

    @Test func anAdminClearsALockout() async throws {
        try await withTestApp { app, _ in
            let clinicianID = try await WebFixture.account(app, "clin", .clinician)
            for _ in 1...CredentialCheck.maximumFailures { try await WebBrowser(app).signIn("clin", "wrong password") }
            #expect(try await WebBrowser(app).signIn("clin").status == .tooManyRequests)
            let (admin, _) = try await Self.admin(app)
            let list = try await admin.get("/admin/users")
            #expect(list.body.contains("Locked until"))
            let page = try await admin.get("/admin/users/\(clinicianID.uuidString)")
            #expect(page.body.contains("Clear the lockout"))
            let cleared = try await admin.post("/admin/users/\(clinicianID.uuidString)/unlock", [])
            #expect(cleared.location == "/admin/users/\(clinicianID.uuidString)?done=unlocked")
            #expect(try await WebBrowser(app).signIn("clin").location == "/today")
            #expect(try await Self.userAudit(app).map(\.detail) == ["web: lockout cleared for clin"])
        }
    }

    @Test func changingARoleTakesEffectOnTheNextRequest() async throws {
        try await withTestApp { app, _ in
            let deskID = try await WebFixture.account(app, "desk", .reception)
            let desk = WebBrowser(app)
            try await desk.signIn("desk")
            // Reception has no outcome report; a nurse has (the navigation follows the access table).
            #expect(!(try await desk.get("/today").body.contains("href=\"/reports/outcomes\"")))
            let (admin, _) = try await Self.admin(app)
            let changed = try await admin.post("/admin/users/\(deskID.uuidString)/role", [("role", "nurse"), ("patient", "")])
            #expect(changed.status == .seeOther)
            #expect(try await UserModel.find(deskID, on: app.db)?.role == "nurse")
            #expect(try await desk.get("/today").body.contains("href=\"/reports/outcomes\""))
            let records = try await Self.userAudit(app)
            #expect(records.map(\.detail) == ["web: desk role reception → nurse"])
            // A staff account cannot become a patient account without its record.
            let refused = try await admin.post("/admin/users/\(deskID.uuidString)/role", [("role", "patient"), ("patient", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("<option value=\"patient\" selected>"))
        }
    }
}
