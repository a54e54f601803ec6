import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// Twenty patients with one NHS number created at once through two server instances: one is
/// created, every other answer is a 409 (the check before the insert, or the database's unique
/// rule when two checks race), never a 500.
@Suite struct UniqueViolationTests {
    static func race(_ servers: [Application], _ auth: SignedIn) async -> [UInt] {
        await withTaskGroup(of: UInt.self) { group in
            for index in 0..<20 {
                let server = servers[index % servers.count]
                group.addTask {
                    let reply = try? await TreatmentFixture.send(server, .POST, "api/patients", auth, json: [
                        "givenName": "Ada", "familyName": "Racer\(index)", "birthDate": "1975-12-10", "sex": "female",
                        "nhsNumber": "9434765919",
                    ])
                    return reply?.status.code ?? 0
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func onSQLite() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let codes = await Self.race([app], clinician)
            #expect(codes.filter { $0 == 201 }.count == 1)
            #expect(codes.filter { $0 == 409 }.count == 19, "\(codes)")
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func acrossTwoPostgreSQLInstances() async throws {
        try await withTestApp(postgres: true) { app, configuration in
            let second = try await Application.make(.testing)
            do {
                try await configure(second, with: configuration)
                let clinician = try await app.signIn(.clinician)
                let codes = await Self.race([app, second], clinician)
                #expect(codes.filter { $0 == 201 }.count == 1)
                #expect(codes.filter { $0 == 409 }.count == 19, "\(codes)")
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }
}
