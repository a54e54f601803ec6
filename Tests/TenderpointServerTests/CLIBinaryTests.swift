import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// The built `tenderpoint` executable, run as a user would run it (`swift build --build-tests`
/// builds it beside the tests).
enum CLIBinary {
    static let executable: URL? = {
        var candidates: [URL] = []
        if let testBinary = ProcessInfo.processInfo.arguments.first {
            var directory = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
            // Inside a bundle (…/TenderpointPackageTests.xctest/Contents/MacOS/…) go up to the build directory.
            while directory.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) {
                directory = directory.deletingLastPathComponent()
            }
            candidates.append(directory.appendingPathComponent("tenderpoint"))
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/tenderpoint"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs the executable to its end with `input` on standard input.
    static func run(_ arguments: [String], input: String? = nil, dataDirectory: URL,
                    extraEnvironment: [String: String] = [:]) throws -> Run {
        let process = try start(arguments, dataDirectory: dataDirectory, extraEnvironment: extraEnvironment, input: input)
        process.process.waitUntilExit()
        return Run(status: process.process.terminationStatus, output: try String(contentsOf: process.output, encoding: .utf8),
                   errors: try String(contentsOf: process.errors, encoding: .utf8))
    }

    struct Started {
        let process: Process
        let output: URL
        let errors: URL
    }

    /// Starts the executable; standard output and error go to files (a pipe could fill and stall it).
    static func start(_ arguments: [String], dataDirectory: URL, extraEnvironment: [String: String] = [:],
                      input: String? = nil) throws -> Started {
        guard let executable else { throw CommandFailure("the tenderpoint executable is not built") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TENDERPOINT_DATA_DIR"] = dataDirectory.path
        environment.removeValue(forKey: "DATABASE_URL")
        environment.removeValue(forKey: "LOG_LEVEL")
        for (key, value) in extraEnvironment { environment[key] = value }
        process.environment = environment
        let output = dataDirectory.deletingLastPathComponent().appendingPathComponent("out-\(UUID().uuidString).txt")
        let errors = dataDirectory.deletingLastPathComponent().appendingPathComponent("err-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        return Started(process: process, output: output, errors: errors)
    }
}

@Suite(.serialized, .enabled(if: CLIBinary.executable != nil, "build the executable first: swift build --build-tests"))
struct CLIBinaryTests {
    @Test func userCreatePrintsOnlyTheIdAndTheAccountSignsIn() async throws {
        let scratch = try temporaryDirectory("cli-user")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")

        // A new installation: the first admin account, password piped in.
        let run = try CLIBinary.run(["user", "create", "admin", "--role", "admin", "--name", "Clinic Administrator"],
                                    input: "first admin password\n", dataDirectory: data)
        #expect(run.status == 0, "\(run.errors)")
        let printed = run.output.trimmingCharacters(in: .newlines)
        let id = try #require(UUID(uuidString: printed), "stdout was \(run.output)")
        #expect(run.output == printed + "\n")

        try await withApp(dataDirectory: data) { app in
            let user = try #require(try await UserModel.find(id, on: app.db))
            #expect(user.username == "admin")
            #expect(user.displayName == "Clinic Administrator")
            #expect(try await CLIUserTests.signIn(app, "admin", "first admin password") == .admin)
        }
    }

    @Test func badInputExitsTwoWithOneLineOnStandardError() throws {
        let scratch = try temporaryDirectory("cli-bad")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")

        let cases: [([String], String?, String)] = [
            (["user", "create", "someone", "--role", "surgeon"], "long enough password\n", "unknown role 'surgeon'"),
            (["user", "create", "someone", "--role", "nurse"], "\n", "no password"),
            (["user", "create", "someone", "--role", "nurse"], nil, "no password"),
            (["user", "create", "someone", "--role", "nurse"], "short\n", "at least 8 characters"),
            (["user", "create"], nil, "username"),
        ]
        for (arguments, input, words) in cases {
            let run = try CLIBinary.run(arguments, input: input, dataDirectory: data)
            #expect(run.status == 2, "\(arguments): \(run.errors)")
            #expect(run.output.isEmpty, "\(arguments) printed \(run.output)")
            let lines = run.errors.split(separator: "\n")
            #expect(lines.count == 1, "\(run.errors)")
            #expect(lines.first?.hasPrefix("tenderpoint: ") == true)
            #expect(run.errors.contains(words), "\(run.errors)")
        }

        let taken = try CLIBinary.run(["user", "create", "nurse.ellis", "--role", "nurse"], input: "nurse password\n", dataDirectory: data)
        #expect(taken.status == 0)
        let again = try CLIBinary.run(["user", "create", "Nurse.Ellis", "--role", "nurse"], input: "nurse password\n", dataDirectory: data)
        #expect(again.status == 2)
        #expect(again.errors.contains("taken"))
    }

    @Test func demoBackupAndRestoreFromTheCommandLine() async throws {
        let scratch = try temporaryDirectory("cli-demo")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        let backup = scratch.appendingPathComponent("backup.sqlite")

        let demo = try CLIBinary.run(["demo", "--patients", "4", "--seed", "3"], dataDirectory: data)
        #expect(demo.status == 0, "\(demo.errors)")
        #expect(demo.output.contains("4 patients"))
        // The progress goes to standard error, one line per 5% when it is not a terminal.
        #expect(demo.errors.contains("patients 4/4 [####################] 100.0%"))

        let refused = try CLIBinary.run(["demo"], dataDirectory: data)
        #expect(refused.status == 2)
        #expect(refused.errors.contains("already has 4 patients"))

        let saved = try CLIBinary.run(["backup", backup.path], dataDirectory: data)
        #expect(saved.status == 0, "\(saved.errors)")
        #expect(saved.output.contains("backup written to \(backup.path)"))
        let overwrite = try CLIBinary.run(["backup", backup.path], dataDirectory: data)
        #expect(overwrite.status == 2)

        // Somewhere else, another clinic's database is replaced by the backup.
        let other = scratch.appendingPathComponent("other")
        try await withApp(dataDirectory: other) { app in try await addPatient("Zed", "Other", on: app.db) }
        let restored = try CLIBinary.run(["restore", backup.path], dataDirectory: other)
        #expect(restored.status == 0, "\(restored.errors)")
        #expect(restored.output.contains("restored"))
        let names = try await givenNames(inDatabaseFile: other.appendingPathComponent(AppConfiguration.databaseFileName))
        #expect(names.count == 4)
        #expect(!names.contains("Zed"))

        let foreign = scratch.appendingPathComponent("notes.txt")
        try Data("not a database".utf8).write(to: foreign)
        let refusedRestore = try CLIBinary.run(["restore", foreign.path], dataDirectory: other)
        #expect(refusedRestore.status == 2)
    }

    @Test func postgresBackupPointsToPgDump() throws {
        let scratch = try temporaryDirectory("cli-pg")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        let postgres = ["DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"]
        let backup = try CLIBinary.run(["backup", scratch.appendingPathComponent("b").path], dataDirectory: data,
                                       extraEnvironment: postgres)
        #expect(backup.status == 2)
        #expect(backup.errors.contains("pg_dump"))
        let restore = try CLIBinary.run(["restore", scratch.appendingPathComponent("b").path], dataDirectory: data,
                                        extraEnvironment: postgres)
        #expect(restore.status == 2)
        #expect(restore.errors.contains("pg_restore"))
    }

    @Test func serveDemoFillsAnEmptyDatabaseAndServesIt() async throws {
        let scratch = try temporaryDirectory("cli-serve")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = try CLIBinary.start(["serve", "--demo", "--port", String(port)], dataDirectory: data,
                                         extraEnvironment: ["LOG_LEVEL": "warning"])
        defer {
            if server.process.isRunning { server.process.interrupt() }
            server.process.waitUntilExit()
        }
        let client = HTTPClient.shared
        var healthy = false
        for _ in 0..<240 where !healthy {
            if !server.process.isRunning { break }
            if let response = try? await client.get(url: "http://127.0.0.1:\(port)/health").get(), response.status == .ok {
                healthy = true
            } else {
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        let errors = (try? String(contentsOf: server.errors, encoding: .utf8)) ?? ""
        try #require(healthy, "the server did not answer: \(errors)")

        var request = try HTTPClient.Request(url: "http://127.0.0.1:\(port)/api/auth/token", method: .POST)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .string(#"{"username":"dr.okafor","password":"clinician-demo-1"}"#)
        let token = try await client.execute(request: request).get()
        #expect(token.status == .ok)
        struct Token: Decodable { let token: String }
        let bearer = try JSONDecoder().decode(Token.self, from: try #require(token.body))

        var search = try HTTPClient.Request(url: "http://127.0.0.1:\(port)/api/patients?limit=1")
        search.headers.add(name: "Authorization", value: "Bearer \(bearer.token)")
        let patients = try await client.execute(request: search).get()
        #expect(patients.status == .ok)
        struct Page: Decodable { let total: Int }
        #expect(try JSONDecoder().decode(Page.self, from: try #require(patients.body)).total == DemoClinic.defaultPatients)
    }
}
