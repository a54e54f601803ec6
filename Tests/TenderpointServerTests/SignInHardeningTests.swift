import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Sign-in under attack: the lockout cannot be raced (many guesses at once, on SQLite and on two
/// server instances sharing one PostgreSQL database), unknown, deactivated and real accounts
/// answer alike with the same bcrypt work, and beyond the bounded hash queue a sign-in is a
/// `429` with `Retry-After` on the API and on the web form.
@Suite struct SignInHardeningTests {
    static let guesses = 50

    struct Answer: Sendable {
        let status: HTTPStatus
        let code: String?
        let retryAfter: String?
    }

    /// `guesses` wrong passwords for `username` at once over HTTP, spread over `servers`. Each
    /// server gets a hash queue long enough for all of them, so only the lockout refuses.
    static func hammer(username: String, primary: Application, servers: [Application]) async throws -> [Answer] {
        var ports: [Int] = []
        for server in servers {
            await server.usePasswordWork(PasswordWork(cost: 4, threads: 2, queueLimit: guesses, retryAfterSeconds: 1))
            try await server.asyncBoot()
            try await server.server.start(address: .hostname("127.0.0.1", port: 0))
            ports.append(try #require(server.http.server.shared.localAddress?.port))
        }
        primary.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = guesses
        let client = primary.client
        do {
            let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                for index in 0..<guesses {
                    let url = "http://127.0.0.1:\(ports[index % ports.count])/api/auth/token"
                    group.addTask {
                        let response = try await client.post(URI(string: url)) { request in
                            try request.content.encode(["username": username, "password": "wrong guess \(index)"], as: .json)
                        }
                        return Answer(status: response.status, code: try? response.content.decode(ErrorBody.self).error.code,
                                      retryAfter: response.headers.first(name: .retryAfter))
                    }
                }
                var all: [Answer] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            for server in servers { await server.server.shutdown() }
            return answers
        } catch {
            for server in servers { await server.server.shutdown() }
            throw error
        }
    }

    /// Exactly 5 failures counted (5 × 401, the rest 429 `account_locked`), the account locked
    /// for 15 minutes from the fifth, the right password refused until the lock's last second
    /// and accepted from its end.
    static func expectFiveThenLocked(_ answers: [Answer], username: String, apps: [Application], started: Date) async throws {
        let app = apps[0]
        #expect(answers.count == guesses)
        #expect(answers.filter { $0.status == .unauthorized && $0.code == "invalid_credentials" }.count == 5)
        #expect(answers.filter { $0.status == .tooManyRequests && $0.code == "account_locked" }.count == guesses - 5)
        for answer in answers where answer.status == .tooManyRequests {
            let seconds = try #require(Int(answer.retryAfter ?? ""))
            #expect(seconds > 0 && seconds <= 900)
        }
        for other in apps { await other.flushAudit() }
        let details = try await AuditEventModel.query(on: app.db).filter(\.$action == "login-failed").all().compactMap(\.detail)
        #expect(details.filter { $0.hasPrefix("failure") }.sorted() == ["failure 1", "failure 2", "failure 3", "failure 4", "failure 5"])
        #expect(details.filter { $0 == "locked" }.count == guesses - 5)

        let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == username).first())
        #expect(user.failedLogins == 0)
        let lockedUntil = try #require(user.lockedUntil)
        #expect(lockedUntil >= started.addingTimeInterval(CredentialCheck.lockout - 1))
        #expect(lockedUntil <= Date().addingTimeInterval(CredentialCheck.lockout + 1))

        // The right password, now and in the lock's last second: refused. From its end: accepted.
        #expect(try await TokenAPITests().login(app, username, "correct horse").0 == .tooManyRequests)
        let request = Request(application: app, on: app.eventLoopGroup.next())
        do {
            _ = try await CredentialCheck.verify(username: username, password: "correct horse", request: request,
                                                 now: lockedUntil.addingTimeInterval(-1))
            Issue.record("signed in during the lock")
        } catch let error as APIError {
            #expect(error.status == .tooManyRequests)
            #expect(error.headers.first(name: .retryAfter) == "1")
        }
        let account = try await CredentialCheck.verify(username: username, password: "correct horse", request: request, now: lockedUntil)
        try await CredentialCheck.recordSuccess(account, now: lockedUntil, on: app.db)
        let cleared = try #require(try await UserModel.find(account.id, on: app.db))
        #expect(cleared.lockedUntil == nil)
        #expect(cleared.failedLogins == 0)
    }

    @Test func fiftyParallelGuessesOnSQLiteCountExactlyFive() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let started = Date()
            let answers = try await Self.hammer(username: "clin", primary: app, servers: [app])
            try await Self.expectFiveThenLocked(answers, username: "clin", apps: [app], started: started)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func fiftyParallelGuessesOnTwoPostgreSQLInstancesCountExactlyFive() async throws {
        try await withTestApp(postgres: true) { app, configuration in
            try await WebFixture.account(app, "clin", .clinician)
            // A second, stateless instance of the server on the same database.
            let second = try await Application.make(.testing)
            do {
                try await configure(second, with: configuration)
                let started = Date()
                let answers = try await Self.hammer(username: "clin", primary: app, servers: [app, second])
                try await Self.expectFiveThenLocked(answers, username: "clin", apps: [app, second], started: started)
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }

    @Test func failuresAreCountedAtomicallyFromTheDatabasesValue() async throws {
        try await withTestApp { app, _ in
            let id = try await WebFixture.account(app, "clin", .clinician)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            // Four failures: counted 1…4, no lock.
            for expected in 1...4 { #expect(try await CredentialCheck.countFailure(username: "clin", now: now, on: app.db) == expected) }
            #expect(try await UserModel.find(id, on: app.db)?.lockedUntil == nil)
            // The fifth locks for exactly 15 minutes and starts the count again.
            #expect(try await CredentialCheck.countFailure(username: "clin", now: now, on: app.db) == 5)
            let locked = try #require(try await UserModel.find(id, on: app.db))
            #expect(locked.lockedUntil == now.addingTimeInterval(900))
            #expect(locked.failedLogins == 0)
            // While locked (up to its last second) nothing more is counted.
            #expect(try await CredentialCheck.countFailure(username: "clin", now: now.addingTimeInterval(899), on: app.db) == nil)
            // From its end the count starts at 1 and the lock is gone.
            #expect(try await CredentialCheck.countFailure(username: "clin", now: now.addingTimeInterval(900), on: app.db) == 1)
            #expect(try await UserModel.find(id, on: app.db)?.lockedUntil == nil)
            // An unknown name matches no row.
            #expect(try await CredentialCheck.countFailure(username: "nobody", now: now, on: app.db) == nil)
        }
    }

    @Test func unknownDeactivatedAndRealAccountsAnswerAlike() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let gone = try await WebFixture.account(app, "gone", .clinician)
            try await UserAccounts.setActive(gone, false, actor: nil, on: app.db)
            let work = app.passwordWork
            func answer(_ username: String, _ password: String) async throws -> (status: HTTPStatus, body: String, bcrypt: Int) {
                let before = work.verifications
                var result: (HTTPStatus, String) = (.ok, "")
                try await app.testing().test(.POST, "api/auth/token", beforeRequest: { request in
                    try request.content.encode(["username": username, "password": password])
                }, afterResponse: { response in
                    result = (response.status, response.body.string)
                })
                return (result.0, result.1, work.verifications - before)
            }
            let real = try await answer("clin", "wrong password")
            let unknown = try await answer("nobody", "wrong password")
            let deactivated = try await answer("gone", "wrong password")
            let deactivatedRight = try await answer("gone", "correct horse")
            #expect(real.status == .unauthorized)
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(real.body.utf8))
            #expect(body.error == ErrorBody.Item(code: "invalid_credentials", message: "The username or password is wrong.", field: nil))
            for other in [unknown, deactivated, deactivatedRight] {
                #expect(other.status == real.status)
                #expect(other.body.count == real.body.count)
                let otherBody = try JSONDecoder().decode(ErrorBody.self, from: Data(other.body.utf8))
                #expect(otherBody.error == body.error)
                #expect(otherBody.problems == nil && body.problems == nil)
            }
            // One bcrypt verification each, whatever the account.
            let bcrypt: [Int] = [real.bcrypt, unknown.bcrypt, deactivated.bcrypt, deactivatedRight.bcrypt]
            #expect(bcrypt == [1, 1, 1, 1])

            // The web form: the same status and the same message for all three.
            var messages: [String] = []
            for username in ["clin", "nobody", "gone"] {
                let browser = WebBrowser(app)
                try await browser.get("/login")
                let page = try await browser.post("/login", [("username", username), ("password", "wrong password")])
                #expect(page.status == .unauthorized)
                messages.append(String(page.body.firstRange(of: "<p id=\"login-error\">").map { page.body[$0.upperBound...].prefix(60) } ?? ""))
            }
            #expect(messages[0].hasPrefix("The username or password is wrong."))
            #expect(Set(messages).count == 1)
        }
    }

    @Test func beyondTheHashQueueSignInsAre429WithRetryAfter() async throws {
        try await withTestApp { app, _ in
            let id = try await WebFixture.account(app, "clin", .clinician)
            let work = PasswordWork(cost: 4, threads: 1, queueLimit: 1, retryAfterSeconds: 3)
            await app.usePasswordWork(work)
            // One hash running and one waiting: the queue is full.
            let held = [try work.admit(), try work.admit()]
            #expect(throws: APIError.self) { try work.admit() }

            try await app.testing().test(.POST, "api/auth/token", beforeRequest: { request in
                try request.content.encode(["username": "clin", "password": "correct horse"])
            }, afterResponse: { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers.first(name: .retryAfter) == "3")
                let code = try response.content.decode(ErrorBody.self).error.code
                #expect(code == "too_many_sign_ins")
            })
            let browser = WebBrowser(app)
            try await browser.get("/login")
            let page = try await browser.post("/login", [("username", "clin"), ("password", "correct horse")])
            #expect(page.status == .tooManyRequests)
            #expect(page.headers.first(name: .retryAfter) == "3")
            #expect(page.body.contains("Too many sign-ins at once: try again in 3 seconds."))
            #expect(page.sessionLess)
            // Refused before any work: no bcrypt, no failure counted; counted, not audited one by one.
            #expect(work.verifications == 0)
            #expect(work.refusals == 3)  // the direct admit above, the API and the web form
            await app.flushAudit()
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "login-failed").count() == 0)
            #expect(try await UserModel.find(id, on: app.db)?.failedLogins == 0)

            // A place comes free: signing in works again.
            held[0].release()
            #expect(try await TokenAPITests().login(app, "clin", "correct horse").0 == .ok)
            held[1].release()
            #expect(work.load == 0)
        }
    }

    @Test func aRefusedSignInIsHeldBeforeIts429() async throws {
        try await withTestApp { app, _ in
            let work = PasswordWork(cost: 4, threads: 1, queueLimit: 0, retryAfterSeconds: 1, refusalDelay: .milliseconds(400))
            await app.usePasswordWork(work)
            let held = try work.admit()
            let started = ContinuousClock.now
            let (status, headers) = try await TokenAPITests().login(app, "nobody", "wrong password")
            let waited = ContinuousClock.now - started
            #expect(status == .tooManyRequests)
            #expect(headers.first(name: .retryAfter) == "1")
            #expect(waited >= .milliseconds(400))
            held.release()
            // With a place free, the same request is checked at once (a 401, one bcrypt verification).
            #expect(try await TokenAPITests().login(app, "nobody", "wrong password").0 == .unauthorized)
            #expect(work.verifications == 1)
            #expect(work.refusals == 1)
        }
    }

    @Test(arguments: [
        ("/today", "/today"),
        ("/patients?q=ada", "/patients?q=ada"),
        ("/patients/3f1c#sessions", "/patients/3f1c#sessions"),
        ("/%09/evil.example", "/%09/evil.example"),  // still encoded: a path on this server
        ("/\t/evil.example", nil), ("/\n/evil.example", nil), ("/\r\n/evil.example", nil), ("/ /evil.example", nil),
        ("//evil.example", nil), ("///evil.example", nil), ("/\\evil.example", nil), ("\\\\evil.example", nil),
        ("https://evil.example", nil), ("javascript:alert(1)", nil), ("evil.example", nil), ("", nil),
        ("/\u{0}x", nil), ("/\u{7F}x", nil), ("/\u{A0}/evil.example", nil), ("/é", nil),
        ("/login?next=/today", nil), ("/logout", nil),
    ] as [(String, String?)])
    func onlySameSitePathsAreRedirectTargets(next: String, expected: String?) {
        #expect(LoginController.safeNext(next) == expected)
    }

    @Test func aTabbedNextGoesHomeNotAway() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            let form = try await browser.get("/login?next=/%09/evil.example")
            #expect(form.status == .ok)
            #expect(!form.body.contains("evil.example"))
            let signedIn = try await browser.post("/login", [("username", "clin"), ("password", "correct horse"), ("next", "/\t/evil.example")])
            #expect(signedIn.location == "/today")
            for next in ["/%09/evil.example", "%2F%2Fevil.example", "/%5Cevil.example", "https:%2F%2Fevil.example", "/%0D%0A/evil.example"] {
                let again = try await browser.get("/login?next=\(next)")
                #expect(again.location == "/today", "next=\(next)")
            }
        }
    }
}

private extension WebBrowser.Page {
    /// A refused sign-in starts no signed-in session: the page offers the form again.
    var sessionLess: Bool { body.contains("name=\"password\"") }
}
