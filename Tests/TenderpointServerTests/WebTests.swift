import Fluent
import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// A browser for the web pages: keeps the session cookie, reads each page's CSRF token, and
/// posts forms as a browser does (`application/x-www-form-urlencoded`).
final class WebBrowser: @unchecked Sendable {
    struct Page {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String

        var location: String? { headers.first(name: .location) }
        /// The hidden `_csrf` field of the page's first form.
        var csrfToken: String? {
            guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
        var setCookie: String? { headers.first(name: .setCookie) }
    }

    let app: Application
    var sessionCookie: String?
    var extraHeaders: HTTPHeaders = [:]
    private(set) var lastToken: String?

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil)
    }

    /// Posts `fields`, adding the CSRF token of the last page seen unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> Page {
        var all = fields
        if csrf, let token = lastToken { all.append((CSRFToken.fieldName, token)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    /// Opens the sign-in page and signs in; returns the answer to the form.
    @discardableResult
    func signIn(_ username: String, _ password: String = "correct horse") async throws -> Page {
        try await get("/login")
        return try await post("/login", [("username", username), ("password", password)])
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Page {
        var page = Page(status: .ok, headers: [:], body: "")
        var headers = extraHeaders
        if let sessionCookie { headers.add(name: .cookie, value: "\(WebSession.cookieName)=\(sessionCookie)") }
        if body != nil { headers.contentType = .urlEncodedForm }
        try await app.testing().test(method, path, headers: headers, beforeRequest: { request in
            if let body { request.body = ByteBuffer(string: body) }
        }, afterResponse: { (response: TestingHTTPResponse) in
            page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        })
        if let cookie = page.headers[.setCookie].first(where: { $0.hasPrefix(WebSession.cookieName + "=") }) {
            let value = String(cookie.dropFirst(WebSession.cookieName.count + 1).prefix { $0 != ";" })
            sessionCookie = value.isEmpty ? nil : value
            if cookie.contains("Max-Age=0") || cookie.contains("1970") { sessionCookie = nil }
        }
        if let token = page.csrfToken { lastToken = token }
        return page
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

enum WebFixture {
    /// An account with the password "correct horse".
    @discardableResult
    static func account(_ app: Application, _ username: String, _ role: Role, patient: UUID? = nil,
                        displayName: String? = nil) async throws -> UUID {
        let user = try await UserAccounts.create(username: username, password: "correct horse", role: role, displayName: displayName,
                                                 patientID: patient, hasher: app.password.async, on: app.db)
        return try user.requireID()
    }

    static func patient(_ app: Application, given: String = "Ada", family: String = "Lovelace",
                        birthDate: String = "1975-12-10") async throws -> UUID {
        let patient = PatientModel()
        patient.id = UUID()
        patient.givenName = given
        patient.familyName = family
        patient.birthDate = birthDate
        patient.sex = "female"
        patient.searchName = PatientModel.searchKey(given: given, family: family)
        try await patient.create(on: app.db)
        return patient.id!
    }

    static func auditCount(_ app: Application, action: String, resource: String, patient: UUID? = nil) async throws -> Int {
        await app.flushAudit()
        var query = AuditEventModel.query(on: app.db).filter(\.$action == action).filter(\.$resourceType == resource)
        if let patient { query = query.filter(\.$patientID == patient) }
        return try await query.count()
    }
}

@Suite struct WebTests {
    @Test func signingInStartsADatabaseSessionWithAnHttpOnlyLaxCookie() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician, displayName: "Dr Who")
            let browser = WebBrowser(app)
            let form = try await browser.get("/login")
            #expect(form.status == .ok)
            #expect(form.body.contains("<label for=\"username\">Username</label>"))
            let answer = try await browser.signIn("clin")
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/today")
            let cookie = try #require(answer.setCookie)
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            // Stored as its hash only, and linked to the account.
            let value = try #require(browser.sessionCookie)
            let sessions = try await WebSessionRecord.query(on: app.db).all()
            #expect(sessions.count == 1)
            #expect(sessions.first?.keyHash == TokenDigest.hash(value))
            #expect(sessions.first?.keyHash != value)
            #expect(sessions.first?.data.contains(value) == false)
            let today = try await browser.get("/today")
            #expect(today.status == .ok)
            #expect(today.body.contains("Dr Who"))
            #expect(try await WebFixture.auditCount(app, action: "login", resource: "Session") == 1)
        }
    }

    @Test func signingInReplacesTheSessionOfTheSignInForm() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.get("/login")
            let before = try #require(browser.sessionCookie)
            try await browser.post("/login", [("username", "clin"), ("password", "correct horse")])
            let after = try #require(browser.sessionCookie)
            #expect(before != after)
            // The session a stranger might have planted before sign-in is gone.
            let planted = try await WebSessionRecord.query(on: app.db).filter(\.$keyHash == TokenDigest.hash(before)).count()
            #expect(planted == 0)
        }
    }

    /// Two server instances on one database: a session started on one is known to the other.
    static func sessionIsShared(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, configuration in
            try await WebFixture.account(app, "clin", .clinician, displayName: "Dr Who")
            let first = WebBrowser(app)
            try await first.signIn("clin")
            let other = try await Application.make(.testing)
            do {
                try await configure(other, with: configuration)
                let second = WebBrowser(other)
                second.sessionCookie = first.sessionCookie
                let page = try await second.get("/today")
                #expect(page.status == .ok)
                #expect(page.body.contains("Dr Who"))
                // Signing out on the second ends it on the first.
                try await second.post("/logout", [])
                #expect(try await first.get("/today").status == .seeOther)
            } catch {
                try? await other.asyncShutdown()
                throw error
            }
            try await other.asyncShutdown()
        }
    }

    @Test func aSessionStartedOnOneInstanceWorksOnAnother() async throws {
        try await Self.sessionIsShared(postgres: false)
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func aSessionStartedOnOneInstanceWorksOnAnotherOnPostgreSQL() async throws {
        try await Self.sessionIsShared(postgres: true)
    }

    @Test func behindTLSTheCookieIsSecure() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            browser.extraHeaders.add(name: "X-Forwarded-Proto", value: "https")
            let answer = try await browser.signIn("clin")
            #expect(answer.setCookie?.contains("Secure") == true)
        }
    }

    @Test func aFormWithoutItsCSRFTokenIsRefusedAndDoesNothing() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.get("/login")
            let missing = try await browser.post("/login", [("username", "clin"), ("password", "correct horse")], csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("This form has expired"))
            let wrong = try await browser.post("/login", [("username", "clin"), ("password", "correct horse"), ("_csrf", "forged")], csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await browser.get("/today").status == .seeOther)
            #expect(try await WebFixture.auditCount(app, action: "login", resource: "Session") == 0)
            #expect(try await WebFixture.auditCount(app, action: "denied", resource: "WebForm") == 2)

            // Signed in, a sign-out without the token leaves the session alone.
            try await browser.signIn("clin")
            #expect(try await browser.post("/logout", [], csrf: false).status == .forbidden)
            #expect(try await browser.get("/today").status == .ok)
        }
    }

    @Test func aWrongPasswordShowsTheFormAgainWithTheUsernameKept() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            let answer = try await browser.signIn("Clin", "not my password")
            #expect(answer.status == .unauthorized)
            #expect(answer.body.contains("The username or password is wrong."))
            #expect(answer.body.contains("value=\"Clin\""))
            #expect(!answer.body.contains("not my password"))
            #expect(browser.sessionCookie != nil)  // the form's own session, not signed in
            #expect(try await browser.get("/today").status == .seeOther)
        }
    }

    @Test func theWebAndTheAPIShareOneLockout() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            for _ in 1...5 { try await browser.signIn("clin", "wrong password") }
            // Locked for the web…
            let locked = try await browser.signIn("clin")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("this account is locked until"))
            // …and for the API, which counts the same failures.
            let reply = try await app.records(.POST, "api/auth/token", nil, json: ["username": "clin", "password": "correct horse"])
            #expect(reply.status == .tooManyRequests)
            #expect(reply.error?.error.code == "account_locked")
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            let cookie = try #require(browser.sessionCookie)
            try await browser.get("/today")
            let answer = try await browser.post("/logout", [])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/login")
            #expect(try await WebSessionRecord.query(on: app.db).filter(\.$keyHash == TokenDigest.hash(cookie)).count() == 0)
            // The old cookie no longer signs anyone in.
            browser.sessionCookie = cookie
            let today = try await browser.get("/today")
            #expect(today.status == .seeOther)
            #expect(today.location == "/login?next=/today")
        }
    }

    @Test func aDeactivatedAccountLosesItsSessionAtOnce() async throws {
        try await withTestApp { app, _ in
            let id = try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            #expect(try await browser.get("/today").status == .ok)
            let user = try #require(try await UserModel.find(id, on: app.db))
            user.active = false
            try await user.save(on: app.db)
            #expect(try await browser.get("/today").status == .seeOther)
        }
    }

    @Test func anExpiredSessionSignsNobodyIn() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE web_sessions SET expires_at = \(bind: Date().addingTimeInterval(-1))").run()
            #expect(try await browser.get("/today").status == .seeOther)
        }
    }

    @Test func readingPagesWritesNoSession() async throws {
        try await withTestApp { app, _ in
            // An anonymous visitor to a page without a form gets no session row.
            let browser = WebBrowser(app)
            let answer = try await browser.get("/today")
            #expect(answer.status == .seeOther)
            #expect(try await WebSessionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func afterSignInTheUserReturnsToThePageAskedFor() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            let redirect = try await browser.get("/patients?q=ada")
            #expect(redirect.location == "/login?next=/patients?q%3Dada")
            try await browser.get(try #require(redirect.location))
            let answer = try await browser.post("/login", [("username", "clin"), ("password", "correct horse"), ("next", "/patients?q=ada")])
            #expect(answer.location == "/patients?q=ada")
            // Never to another site.
            let other = WebBrowser(app)
            try await other.get("/login")
            let away = try await other.post("/login", [("username", "clin"), ("password", "correct horse"), ("next", "//evil.example/x")])
            #expect(away.location == "/today")
        }
    }

    @Test func navigationFollowsTheRole() async throws {
        try await withTestApp { app, _ in
            let patient = try await WebFixture.patient(app)
            try await WebFixture.account(app, "clin", .clinician)
            try await WebFixture.account(app, "desk", .reception)
            try await WebFixture.account(app, "boss", .admin)
            try await WebFixture.account(app, "ada", .patient, patient: patient)
            func links(_ username: String) async throws -> [String] {
                let browser = WebBrowser(app)
                let answer = try await browser.signIn(username)
                let page = try await browser.get(try #require(answer.location))
                let nav = page.body.components(separatedBy: "<nav aria-label=\"Main\">").dropFirst().first?
                    .components(separatedBy: "</nav>").first ?? ""
                return nav.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            }
            // Reports for the clinical roles and the admin; the admin pages for the admin alone.
            #expect(try await links("clin") == ["/today", "/patients", "/schedule", "/reports/outcomes"])
            #expect(try await links("desk") == ["/today", "/patients", "/schedule"])
            #expect(try await links("boss") == ["/today", "/patients", "/schedule", "/reports/outcomes", "/admin"])
            #expect(try await links("ada") == ["/portal", "/portal/chart", "/portal/appointments", "/portal/access"])
        }
    }

    @Test func pagesAreNotCachedAndAllowNoInlineScript() async throws {
        try await withTestApp { app, _ in
            let page = try await WebBrowser(app).get("/login")
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            let stylesheet = try await WebBrowser(app).get(AssetController.stylesheetPath)
            #expect(stylesheet.status == .ok)
            #expect(stylesheet.headers.contentType == .css)
            #expect(try await WebBrowser(app).get("/assets/app-000000.css").status == .notFound)
        }
    }
}
