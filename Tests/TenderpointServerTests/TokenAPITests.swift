import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

@Suite struct TokenAPITests {
    func login(_ app: Application, _ username: String, _ password: String) async throws -> (HTTPStatus, HTTPHeaders) {
        var result: (HTTPStatus, HTTPHeaders) = (.ok, [:])
        try await app.testing().test(.POST, "api/auth/token", beforeRequest: { request in
            try request.content.encode(["username": username, "password": password])
        }, afterResponse: { response in
            result = (response.status, response.headers)
        })
        return result
    }

    @Test func aTokenCarriesItsRoleAndExpiry() async throws {
        try await withTestApp { app, _ in
            _ = try await UserAccounts.create(username: "Nurse.Jo", password: "a long secret", role: .nurse, displayName: "Jo",
                                              patientID: nil, hasher: app.password.async, on: app.db)
            try await app.testing().test(.POST, "api/auth/token", beforeRequest: { request in
                try request.content.encode(["username": "nurse.jo", "password": "a long secret"])
            }, afterResponse: { response in
                #expect(response.status == .ok)
                struct Token: Decodable { let token: String; let expiresAt: Date; let role: String }
                let token = try response.content.decode(Token.self)
                #expect(token.role == "nurse")
                #expect(token.token.count >= 40)
                let hours = token.expiresAt.timeIntervalSinceNow / 3600
                #expect(hours > 11.9 && hours <= 12)
            })
            // Only the hash is stored.
            let stored = try await TokenModel.query(on: app.db).all()
            #expect(stored.count == 1)
            #expect(stored[0].tokenHash.count == 64)
        }
    }

    @Test func wrongPasswordsAre401ThenTheAccountLocks() async throws {
        try await withTestApp { app, _ in
            _ = try await UserAccounts.create(username: "clin", password: "a long secret", role: .clinician, displayName: nil,
                                              patientID: nil, hasher: app.password.async, on: app.db)
            #expect(try await login(app, "nobody", "whatever").0 == .unauthorized)
            for _ in 1...4 {
                #expect(try await login(app, "clin", "wrong password").0 == .unauthorized)
            }
            #expect(try await login(app, "clin", "wrong password").0 == .unauthorized)  // the 5th failure locks
            let (status, headers) = try await login(app, "clin", "a long secret")
            #expect(status == .tooManyRequests)
            #expect(Int(headers.first(name: .retryAfter) ?? "") ?? 0 > 800)
            await app.flushAudit()
            let failures = try await AuditEventModel.query(on: app.db).filter(\.$action == "login-failed").count()
            #expect(failures == 7)
        }
    }
}
