import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Signing in and out of the web pages leaves audit records naming the account.
@Suite struct LoginAuditTests {
    static func sessionRecords(_ app: Application) async throws -> [AuditEventModel] {
        await app.flushAudit()
        return try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "Session").sort(\.$at).all()
    }

    @Test func signingInAndOutAreBothAudited() async throws {
        try await withTestApp { app, _ in
            let id = try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            try await browser.get("/today")
            let out = try await browser.post("/logout", [])
            #expect(out.location == "/login")
            let records = try await Self.sessionRecords(app)
            #expect(records.map(\.action) == ["login", "logout"])
            #expect(records.map(\.userID) == [id, id])
            #expect(records.map(\.username) == ["clin", "clin"])
            #expect(records.map(\.role) == ["clinician", "clinician"])
            #expect(records.map(\.detail) == ["web", "web"])
        }
    }

    @Test func aSignOutWithoutASignInRecordsNothing() async throws {
        try await withTestApp { app, _ in
            let browser = WebBrowser(app)
            try await browser.get("/login")
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther)
            #expect(try await Self.sessionRecords(app).isEmpty)
        }
    }

    @Test func aSignOutIsAUserAuthenticationEventInFHIR() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            try await browser.get("/today")
            try await browser.post("/logout", [])
            let token = try await app.signIn(.admin)
            await app.flushAudit()
            let logout = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == "logout").first())
            let reply = try await app.records(.GET, "fhir/AuditEvent/\(try logout.requireID().uuidString)", token)
            let text = String(decoding: reply.body, as: UTF8.self)
            #expect(text.contains("\"code\":\"110114\""))
        }
    }
}
