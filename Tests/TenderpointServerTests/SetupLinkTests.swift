import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// The first start: on an empty database the set-up link creates the first admin once; a
/// second use, a wrong token or any existing account gives the plain 404 page.
@Suite struct SetupLinkTests {
    static func fields(_ username: String = "clinic.admin", name: String = "Clinic Administrator",
                       password: String = "first admin password", again: String? = nil) -> [(String, String)] {
        [("username", username), ("displayName", name), ("password", password), ("passwordConfirmation", again ?? password)]
    }

    @Test func theLinkCreatesTheFirstAdminOnceAndThenIsGone() async throws {
        try await withTestApp { app, _ in
            let token = try #require(try await FirstStart.prepare(app))
            #expect(token.count == 43)
            #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })

            let browser = WebBrowser(app)
            let form = try await browser.get("/setup/\(token)")
            #expect(form.status == .ok)
            for field in ["username", "displayName", "password", "passwordConfirmation"] {
                #expect(form.body.contains("<label for=\"\(field)\""), "\(field) has a label")
            }
            #expect(form.csrfToken != nil)

            let created = try await browser.post("/setup/\(token)", Self.fields())
            #expect(created.status == .seeOther)
            #expect(created.location == "/login")
            let users = try await UserModel.query(on: app.db).all()
            #expect(users.count == 1)
            let admin = try #require(users.first)
            #expect(admin.username == "clinic.admin")
            #expect(admin.displayName == "Clinic Administrator")
            #expect(admin.accountRole == .admin)
            #expect(admin.passwordHash.hasPrefix("$2"))
            #expect(try app.password.verify("first admin password", created: admin.passwordHash))
            #expect(try await WebFixture.auditCount(app, action: "create", resource: "User") == 1)

            // The link is spent: the form and a second post are the plain 404 page, and nothing more is created.
            #expect(try await browser.get("/setup/\(token)").status == .notFound)
            let again = try await WebBrowser(app).get("/setup/\(token)")
            #expect(again.status == .notFound)
            #expect(try await browser.post("/setup/\(token)", Self.fields("second.admin")).status == .notFound)
            #expect(try await UserModel.query(on: app.db).count() == 1)

            // The new admin signs in.
            let signedIn = try await WebBrowser(app).signIn("clinic.admin", "first admin password")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location != "/login")
        }
    }

    @Test func aWrongTokenIsNotFound() async throws {
        try await withTestApp { app, _ in
            let token = try #require(try await FirstStart.prepare(app))
            var wrong = Array(token)
            wrong[wrong.count - 1] = wrong.last == "A" ? "B" : "A"
            for path in ["/setup/\(String(wrong))", "/setup/\(token.dropLast())", "/setup/x", "/setup/\(token)x"] {
                let page = try await WebBrowser(app).get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(!page.body.contains("Set up Tenderpoint"))
            }
            // A post with a wrong token creates nothing either (the browser holds a real CSRF token).
            let browser = WebBrowser(app)
            _ = try await browser.get("/setup/\(token)")
            #expect(try await browser.post("/setup/\(String(wrong))", Self.fields()).status == .notFound)
            #expect(try await UserModel.query(on: app.db).count() == 0)
            // The right one still works.
            #expect(try await browser.get("/setup/\(token)").status == .ok)
        }
    }

    @Test func withAnyAccountThereIsNoLink() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "desk", .reception)
            #expect(try await FirstStart.prepare(app) == nil)
            #expect(app.setupLink == nil)
            #expect(try await WebBrowser(app).get("/setup/\(SetupLink.newToken())").status == .notFound)
        }
    }

    @Test func anAccountMadeElsewhereEndsTheLink() async throws {
        try await withTestApp { app, _ in
            let token = try #require(try await FirstStart.prepare(app))
            // Another instance (or `user create`) made the first account meanwhile.
            try await WebFixture.account(app, "other.admin", .admin)
            #expect(try await WebBrowser(app).get("/setup/\(token)").status == .notFound)
            #expect(app.setupLink?.current == nil)
        }
    }

    @Test func badInputIsShownAgainWithItsMessage() async throws {
        try await withTestApp { app, _ in
            let token = try #require(try await FirstStart.prepare(app))
            let browser = WebBrowser(app)
            _ = try await browser.get("/setup/\(token)")

            let short = try await browser.post("/setup/\(token)", Self.fields(password: "1234567"))
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.contains("Password must have at least 8 characters."))
            #expect(short.body.contains("value=\"clinic.admin\""))
            #expect(short.body.contains("value=\"Clinic Administrator\""))
            #expect(!short.body.contains("1234567"))

            let mismatch = try await browser.post("/setup/\(token)", Self.fields(again: "another password"))
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.body.contains("The two passwords differ"))

            let badName = try await browser.post("/setup/\(token)", Self.fields("no spaces allowed"))
            #expect(badName.status == .unprocessableEntity)
            #expect(badName.body.contains("Username must be 1–64 letters, digits or . _ - @."))

            let longName = try await browser.post("/setup/\(token)", Self.fields(name: String(repeating: "n", count: 101)))
            #expect(longName.status == .unprocessableEntity)
            #expect(longName.body.contains("at most 100 characters"))

            // Exactly 8 characters and a 100-character name are enough; the link still worked after the refusals.
            #expect(try await UserModel.query(on: app.db).count() == 0)
            let created = try await browser.post("/setup/\(token)",
                                                 Self.fields(name: String(repeating: "n", count: 100), password: "12345678"))
            #expect(created.status == .seeOther)
            #expect(try await UserModel.query(on: app.db).count() == 1)
        }
    }

    @Test func aPostWithoutTheCSRFTokenIsRefused() async throws {
        try await withTestApp { app, _ in
            let token = try #require(try await FirstStart.prepare(app))
            let browser = WebBrowser(app)
            _ = try await browser.get("/setup/\(token)")
            let refused = try await browser.post("/setup/\(token)", Self.fields(), csrf: false)
            #expect(refused.status == .forbidden)
            #expect(try await UserModel.query(on: app.db).count() == 0)
        }
    }

    /// Two instances on one database, each with its own link, both forms sent at once: exactly
    /// one first admin is created; the other instance answers 404.
    static func onlyOneFirstAdmin(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, configuration in
            let other = try await Application.make(.testing)
            do {
                try await configure(other, with: configuration)
                let firstToken = try #require(try await FirstStart.prepare(app))
                let secondToken = try #require(try await FirstStart.prepare(other))
                #expect(firstToken != secondToken)
                let first = WebBrowser(app)
                let second = WebBrowser(other)
                #expect(try await first.get("/setup/\(firstToken)").status == .ok)
                #expect(try await second.get("/setup/\(secondToken)").status == .ok)
                async let a = first.post("/setup/\(firstToken)", Self.fields("first.admin"))
                async let b = second.post("/setup/\(secondToken)", Self.fields("second.admin"))
                let statuses = [try await a.status, try await b.status]
                #expect(statuses.sorted { $0.code < $1.code } == [.seeOther, .notFound], "\(statuses)")
                #expect(try await UserModel.query(on: app.db).count() == 1)
                // Both links are spent now.
                #expect(try await first.get("/setup/\(firstToken)").status == .notFound)
                #expect(try await second.get("/setup/\(secondToken)").status == .notFound)
            } catch {
                try? await other.asyncShutdown()
                throw error
            }
            try await other.asyncShutdown()
        }
    }

    @Test func twoInstancesCreateOnlyOneFirstAdmin() async throws {
        try await Self.onlyOneFirstAdmin(postgres: false)
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func twoInstancesCreateOnlyOneFirstAdminOnPostgreSQL() async throws {
        try await Self.onlyOneFirstAdmin(postgres: true)
    }
}
