import Fluent
import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// The sweep of `web_sessions`: sessions past their end and old anonymous ones (the sign-in
/// form's CSRF token only) go; live sessions and recent sign-in forms stay.
@Suite struct WebSessionSweepTests {
    /// A session row as the driver writes it, with its creation moved to `createdAt`.
    @discardableResult
    static func session(_ app: Application, user: UUID?, createdAt: Date, expiresAt: Date) async throws -> UUID {
        let record = WebSessionRecord()
        let id = UUID()
        record.id = id
        record.keyHash = TokenDigest.hash(TokenDigest.newToken())
        record.data = user.map { "{\"user\":\"\($0.uuidString)\"}" } ?? "{\"csrf\":\"x\"}"
        record.userID = user
        record.expiresAt = expiresAt
        try await record.create(on: app.db)
        // The creation timestamp is set by Fluent on create: move it afterwards.
        try await (app.db as! any SQLDatabase).raw("UPDATE web_sessions SET created_at = \(bind: createdAt) WHERE id = \(bind: id)").run()
        return id
    }

    struct Rows {
        let liveSignedIn: UUID
        let expiredSignedIn: UUID
        let expiredAnonymous: UUID
        let oldAnonymous: UUID
        let recentAnonymous: UUID
        let oldSignedIn: UUID
    }

    static func rows(_ app: Application, now: Date) async throws -> Rows {
        let user = try await WebFixture.account(app, "clin", .clinician)
        let hour: TimeInterval = 3600
        return Rows(
            liveSignedIn: try await session(app, user: user, createdAt: now - hour, expiresAt: now + 11 * hour),
            expiredSignedIn: try await session(app, user: user, createdAt: now - 13 * hour, expiresAt: now - hour),
            expiredAnonymous: try await session(app, user: nil, createdAt: now - 13 * hour, expiresAt: now - hour),
            // Older than the 3 hours an anonymous session is kept, though its cookie has not ended.
            oldAnonymous: try await session(app, user: nil, createdAt: now - 4 * hour, expiresAt: now + 8 * hour),
            recentAnonymous: try await session(app, user: nil, createdAt: now - 2 * hour, expiresAt: now + 10 * hour),
            // Signed in 11 hours ago: still within its working day.
            oldSignedIn: try await session(app, user: user, createdAt: now - 11 * hour, expiresAt: now + hour))
    }

    static func remaining(_ app: Application) async throws -> Set<UUID> {
        Set(try await WebSessionRecord.query(on: app.db).all().compactMap(\.id))
    }

    @Test func theSweepRemovesOnlyEndedAndOldAnonymousSessions() async throws {
        try await withTestApp { app, _ in
            let now = Date()
            let rows = try await Self.rows(app, now: now)
            let removed = try await WebSessionSweep.sweep(on: app.db, now: now)
            #expect(removed == WebSessionSweep.Removed(expired: 2, anonymous: 1))
            #expect(try await Self.remaining(app) == [rows.liveSignedIn, rows.recentAnonymous, rows.oldSignedIn])
            // Sweeping again finds nothing more.
            #expect(try await WebSessionSweep.sweep(on: app.db, now: now) == WebSessionSweep.Removed())
        }
    }

    @Test func aLiveBrowserSessionSurvivesTheSweep() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            let form = WebBrowser(app)
            try await form.get("/login")
            try await WebSessionSweep.sweep(on: app.db)
            #expect(try await browser.get("/today").status == .ok)
            // The sign-in form opened a moment ago still signs in.
            let answer = try await form.post("/login", [("username", "clin"), ("password", "correct horse")])
            #expect(answer.location == "/today")
        }
    }

    @Test func theServerSweepsAtStartUpAndOtherCommandsDoNot() async throws {
        try await withTestApp { app, _ in
            let rows = try await Self.rows(app, now: Date())
            let sweep = WebSessionSweep()
            app.environment.arguments = ["tenderpoint", "user", "create", "someone"]
            try await sweep.didBootAsync(app)
            #expect(try await Self.remaining(app).count == 6)
            app.environment.arguments = ["tenderpoint", "serve", "--port", "0"]
            try await sweep.didBootAsync(app)
            #expect(try await Self.remaining(app) == [rows.liveSignedIn, rows.recentAnonymous, rows.oldSignedIn])
            await sweep.shutdownAsync(app)
        }
    }
}
