import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Who may open the admin pages: admins only; every other role gets the 403 page, and a
/// refused write changes nothing.
@Suite struct AdminPagesTests {
    static func paths(account: UUID) -> [String] {
        ["/admin", "/admin/users", "/admin/users/new", "/admin/users/\(account.uuidString)", "/admin/settings",
         "/admin/audit", "/admin/audit.csv"]
    }

    @Test func onlyAnAdminOpensTheAdminPages() async throws {
        try await withTestApp { app, _ in
            let patient = try await WebFixture.patient(app)
            try await WebFixture.account(app, "boss", .admin)
            let nurse = try await WebFixture.account(app, "nurse", .nurse)
            try await WebFixture.account(app, "clin", .clinician)
            try await WebFixture.account(app, "desk", .reception)
            try await WebFixture.account(app, "ada", .patient, patient: patient)

            let admin = WebBrowser(app)
            try await admin.signIn("boss")
            for path in Self.paths(account: nurse) {
                let page = try await admin.get(path)
                #expect(page.status == .ok, "admin: \(path)")
            }
            let home = try await admin.get("/admin")
            #expect(home.body.contains("href=\"/admin/users\""))
            #expect(home.body.contains("href=\"/admin/settings\""))
            #expect(home.body.contains("href=\"/admin/audit\""))

            for username in ["clin", "nurse", "desk", "ada"] {
                let browser = WebBrowser(app)
                try await browser.signIn(username)
                for path in Self.paths(account: nurse) {
                    let page = try await browser.get(path)
                    #expect(page.status == .forbidden, "\(username): \(path)")
                    #expect(page.body.contains("Not allowed"), "\(username): \(path)")
                }
                // A write from a page they could not open does nothing either (the 403 page's
                // sign-out form gave the browser the session's CSRF token).
                let refused = try await browser.post("/admin/users/\(nurse.uuidString)/deactivate", [])
                #expect(refused.status == .forbidden, "\(username)")
            }
            let account = try #require(try await UserModel.find(nurse, on: app.db))
            #expect(account.active)
            // Each refusal is audited: 4 roles × 7 pages + 4 writes.
            #expect(try await WebFixture.auditCount(app, action: "denied", resource: "User") == 4 * 3 + 4)
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        try await withTestApp { app, _ in
            let page = try await WebBrowser(app).get("/admin/audit")
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=/admin/audit")
        }
    }

    @Test func theAdminNavigationLinkIsTheAdminsOnly() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "boss", .admin)
            try await WebFixture.account(app, "clin", .clinician)
            let admin = WebBrowser(app)
            try await admin.signIn("boss")
            #expect(try await admin.get("/admin").body.contains("<a href=\"/admin\" aria-current=\"page\">Admin</a>"))
            let clinician = WebBrowser(app)
            try await clinician.signIn("clin")
            #expect(!(try await clinician.get("/today").body.contains("href=\"/admin\"")))
        }
    }
}
