import Foundation
import Testing
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Asking for help writes nothing: no data directory, no database file, in the working
/// directory (the default `./data`) or in `TENDERPOINT_DATA_DIR`.
@Suite(.serialized, .enabled(if: CLIBinary.executable != nil, "build the executable first: swift build --build-tests"))
struct CLIHelpTests {
    /// Runs the executable in `directory` with `TENDERPOINT_DATA_DIR` as given (nil: unset).
    static func run(_ arguments: [String], in directory: URL, dataDirectory: String?) throws -> (status: Int32, output: String) {
        let executable = try #require(CLIBinary.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        environment.removeValue(forKey: "TENDERPOINT_DATA_DIR")
        if let dataDirectory { environment["TENDERPOINT_DATA_DIR"] = dataDirectory }
        process.environment = environment
        let output = directory.deletingLastPathComponent().appendingPathComponent("help-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        defer { try? FileManager.default.removeItem(at: output) }
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }

    @Test func helpWritesNothing() throws {
        let scratch = try temporaryDirectory("cli-help")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let working = scratch.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: working, withIntermediateDirectories: true)
        let named = scratch.appendingPathComponent("named-data").path

        let cases: [([String], String)] = [
            (["--help"], "Commands:"),
            (["-h"], "Commands:"),
            (["help"], "Commands:"),
            (["help", "user"], "user <command>"),
            (["user", "--help"], "user <command>"),
            (["user", "create", "--help"], "--role"),
            (["serve", "--help"], "--port"),
            (["backup", "--help"], "path"),
            (["migrate", "--help"], "migrations"),
        ]
        for (arguments, words) in cases {
            for dataDirectory in [nil, named] {
                let run = try Self.run(arguments, in: working, dataDirectory: dataDirectory)
                #expect(run.status == 0, "\(arguments): \(run.output)")
                #expect(run.output.contains(words), "\(arguments): \(run.output)")
                let written = try FileManager.default.contentsOfDirectory(atPath: working.path)
                #expect(written.isEmpty, "\(arguments) wrote \(written)")
                #expect(!FileManager.default.fileExists(atPath: named), "\(arguments) created \(named)")
            }
        }
    }

    /// Without help the same command line does open the database (so the test above can fail).
    @Test func aRealCommandDoesCreateTheDatabase() throws {
        let scratch = try temporaryDirectory("cli-nohelp")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let working = scratch.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: working, withIntermediateDirectories: true)
        let run = try Self.run(["migrate"], in: working, dataDirectory: nil)
        #expect(run.status == 0, "\(run.output)")
        #expect(FileManager.default.fileExists(atPath: working.appendingPathComponent("data/tenderpoint.sqlite").path))
    }

    /// `serve` on an empty database prints its one-time set-up link, which opens the set-up page.
    @Test func serveOnAnEmptyDatabasePrintsTheSetUpLink() async throws {
        let scratch = try temporaryDirectory("cli-setup")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = try CLIBinary.start(["serve", "--port", String(port)], dataDirectory: data,
                                         extraEnvironment: ["LOG_LEVEL": "warning"])
        defer {
            if server.process.isRunning { server.process.interrupt() }
            server.process.waitUntilExit()
        }
        var link: String?
        for _ in 0..<240 where link == nil {
            if !server.process.isRunning { break }
            let output = (try? String(contentsOf: server.output, encoding: .utf8)) ?? ""
            if let range = output.range(of: "http://127.0.0.1:\(port)/setup/") {
                link = String(output[range.lowerBound...].prefix { !$0.isWhitespace })
            } else {
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        let errors = (try? String(contentsOf: server.errors, encoding: .utf8)) ?? ""
        let url = try #require(link, "no set-up link: \(errors)")
        #expect(url.count == "http://127.0.0.1:\(port)/setup/".count + 43)
        let page = try await HTTPClient.shared.get(url: url).get()
        #expect(page.status == .ok)
        #expect(page.body.map { String(buffer: $0) }?.contains("Set up Tenderpoint") == true)
        let wrong = try await HTTPClient.shared.get(url: String(url.dropLast()) + (url.hasSuffix("z") ? "y" : "z")).get()
        #expect(wrong.status == .notFound)
    }
}
