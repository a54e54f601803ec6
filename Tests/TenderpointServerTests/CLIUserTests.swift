import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

@Suite struct CLIUserTests {
    /// Signs in through the API and returns the role it answers with, or nil on 401.
    static func signIn(_ app: Application, _ username: String, _ password: String) async throws -> Role? {
        var role: Role?
        try await app.testing().test(.POST, "api/auth/token", beforeRequest: { request in
            try request.content.encode(["username": username, "password": password])
        }, afterResponse: { (response: TestingHTTPResponse) in
            guard response.status == .ok else { return }
            struct Token: Decodable { let role: Role }
            role = try response.content.decode(Token.self).role
        })
        return role
    }

    @Test func createsAnAccountThatSignsInAndIsAudited() async throws {
        try await withTestApp { app, _ in
            let request = try UserCreation.Request(username: "Dr.Okafor", role: "clinician", patient: nil, displayName: " Dr Adaeze Okafor ")
            let id = try await UserCreation.create(request, password: "correct horse", app: app)

            let user = try #require(try await UserModel.find(id, on: app.db))
            #expect(user.username == "dr.okafor")
            #expect(user.displayName == "Dr Adaeze Okafor")
            #expect(user.accountRole == .clinician)
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(try await Self.signIn(app, "dr.okafor", "correct horse") == .clinician)
            #expect(try await Self.signIn(app, "dr.okafor", "wrong horse") == nil)

            let audit = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "User")
                .filter(\.$resourceID == id.uuidString).all()
            #expect(audit.map(\.action) == ["create"])
        }
    }

    @Test func aPatientAccountIsLinkedToItsRecord() async throws {
        try await withTestApp { app, _ in
            let patientID = try await addPatient("Ada", "Lovelace", on: app.db)
            let request = try UserCreation.Request(username: "ada", role: "patient", patient: patientID.uuidString, displayName: nil)
            let id = try await UserCreation.create(request, password: "analytical engine", app: app)
            let user = try #require(try await UserModel.find(id, on: app.db))
            #expect(user.$patient.id == patientID)
            #expect(user.displayName == "ada")
            #expect(try await Self.signIn(app, "ada", "analytical engine") == .patient)
        }
    }

    @Test func badArgumentsAreBadInputBeforeAnyPasswordIsRead() throws {
        let cases: [(role: String?, patient: String?, words: String)] = [
            ("surgeon", nil, "unknown role 'surgeon'"),
            (nil, nil, "--role is required"),
            ("patient", "not-a-uuid", "--patient must be a patient id"),
        ]
        for (role, patient, words) in cases {
            let failure = #expect(throws: CommandFailure.self) {
                try UserCreation.Request(username: "someone", role: role, patient: patient, displayName: nil)
            }
            #expect(failure?.exitCode == 2)
            #expect(failure?.message.contains(words) == true, "\(failure?.message ?? "")")
        }
        // Roles are case-insensitive, as people type them.
        #expect(try UserCreation.Request(username: "a", role: "Admin", patient: nil, displayName: nil).role == .admin)
    }

    @Test func refusalsOfTheAccountRulesAreBadInputAndWriteNothing() async throws {
        try await withTestApp { app, _ in
            let first = try UserCreation.Request(username: "reception.patel", role: "reception", patient: nil, displayName: nil)
            _ = try await UserCreation.create(first, password: "front desk 1", app: app)
            let unknownPatient = UUID()

            let cases: [(UserCreation.Request, String, String)] = [
                (first, "front desk 2", "taken"),
                (try UserCreation.Request(username: "short", role: "nurse", patient: nil, displayName: nil), "1234567",
                 "at least 8 characters"),
                (try UserCreation.Request(username: "no patient", role: "patient", patient: nil, displayName: nil), "long enough",
                 "linked to its patient record"),
                (try UserCreation.Request(username: "ghost", role: "patient", patient: unknownPatient.uuidString, displayName: nil),
                 "long enough", "no patient \(unknownPatient)"),
                (try UserCreation.Request(username: "nurse", role: "nurse", patient: unknownPatient.uuidString, displayName: nil),
                 "long enough", "only a patient account"),
            ]
            for (request, password, words) in cases {
                let failure = await #expect(throws: CommandFailure.self) {
                    try await UserCreation.create(request, password: password, app: app)
                }
                #expect(failure?.exitCode == 2)
                #expect(failure?.message.contains(words) == true, "\(failure?.message ?? "")")
            }
            #expect(try await UserModel.query(on: app.db).count() == 1)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "User").count() == 1)
        }
    }

    @Test func mainReportsErrorsWithTheirExitCodes() {
        #expect(CommandFailure.from(CommandFailure.badInput("x")).exitCode == 2)
        #expect(CommandFailure.from(Problem(.invalidValue, "bad", field: "password")).message == "password: bad")
        #expect(CommandFailure.from(CommandError.missingRequiredArgument("username")).exitCode == 2)
        struct Broken: Error {}
        #expect(CommandFailure.from(Broken()).exitCode == 1)
    }

    @Test func theCommandLineKnowsServeDemoAndRestore() {
        let serveDemo = ["tenderpoint", "serve", "--demo", "--port", "8081"]
        #expect(TenderpointCommandLine.command(in: serveDemo) == "serve")
        #expect(TenderpointCommandLine.wantsDemo(serveDemo))
        #expect(TenderpointCommandLine.removingDemoFlag(serveDemo) == ["tenderpoint", "serve", "--port", "8081"])
        // Vapor serves when the first argument is an option, and so does --demo.
        #expect(TenderpointCommandLine.wantsDemo(["tenderpoint", "--demo"]))
        #expect(TenderpointCommandLine.removingDemoFlag(["tenderpoint", "--demo"]) == ["tenderpoint"])
        #expect(TenderpointCommandLine.command(in: ["tenderpoint"]) == "serve")
        // Other commands keep their arguments as typed.
        let demo = ["tenderpoint", "demo", "--patients", "5"]
        #expect(!TenderpointCommandLine.wantsDemo(demo))
        #expect(TenderpointCommandLine.removingDemoFlag(demo) == demo)
        #expect(TenderpointCommandLine.needsDatabase(demo))
        #expect(!TenderpointCommandLine.needsDatabase(["tenderpoint", "restore", "/tmp/backup.sqlite"]))
    }
}
