import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `tenderpoint bench [--seconds S] [--concurrency C]`: measures, on a fresh temporary SQLite
/// database, the audit trail's cost per read (buffered, as the server does it, against one
/// insert per read) and the HTTP throughput of `GET /health` beside an audited
/// `GET /api/patients/{id}` in the same run. Numbers, not tests: run it on a quiet machine.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seconds", help: "Seconds per HTTP measurement (default 5)") var seconds: Int?
        @Option(name: "concurrency", help: "Concurrent HTTP clients (default 8)") var concurrency: Int?
        @Option(name: "records", help: "Audit records per audit measurement (default 20000)") var records: Int?
    }

    var help: String { "Measures audit cost and HTTP throughput on a temporary database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let seconds = max(1, signature.seconds ?? 5)
        let concurrency = max(1, signature.concurrency ?? 8)
        let records = max(100, signature.records ?? 20_000)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenderpoint-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }

        var configuration = context.application.tenderpoint
        configuration.storage = .sqlite(dataDirectory: directory)
        configuration.logLevel = .error
        let app = try await Application.make(context.application.environment)
        do {
            try await configure(app, with: configuration)
            try await prepareDatabase(app)
            try await app.autoMigrate()
            let report = try await Self.measure(app: app, seconds: seconds, concurrency: concurrency, records: records)
            context.console.print(report)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func measure(app: Application, seconds: Int, concurrency: Int, records: Int) async throws -> String {
        var lines: [String] = ["Tenderpoint benchmark (SQLite, temporary database; \(ProcessInfo.processInfo.activeProcessorCount) cores)"]

        // Audit: one insert per read in its own transaction, as a naive trail would do it.
        let patientID = UUID()
        let single = try await time {
            for _ in 0..<records / 10 {
                let entry = AuditEntry(user: nil, action: .read, resourceType: "Patient", resourceID: patientID.uuidString, patientID: patientID)
                try await app.db.writeTransaction { try await AuditLog.insert(entry, on: $0) }
            }
        } / Double(records / 10)
        // Audit: buffered, as the server records reads.
        let buffered = try await time {
            for _ in 0..<records {
                await app.auditLog.record(AuditEntry(user: nil, action: .read, resourceType: "Patient", resourceID: patientID.uuidString, patientID: patientID))
            }
            await app.auditLog.flush()
        } / Double(records)
        lines.append(String(format: "audit, one insert per read:  %8.1f µs per read (%d reads)", single * 1e6, records / 10))
        lines.append(String(format: "audit, buffered batches:     %8.1f µs per read (%d reads) — %.0f× cheaper", buffered * 1e6, records, single / buffered))

        // HTTP: a real server on a free loopback port, a patient and a clinician's token.
        let patient = PatientModel()
        patient.id = UUID()
        patient.givenName = "Bench"
        patient.familyName = "Mark"
        patient.birthDate = "1970-01-01"
        patient.sex = "female"
        patient.searchName = "bench mark"
        try await patient.create(on: app.db)
        let password = "bench-password"
        let user = try await UserAccounts.create(username: "bench", password: password, role: .clinician, displayName: nil,
                                                 patientID: nil, hasher: app.password.async, on: app.db)
        let token = TokenDigest.newToken()
        try await TokenModel(userID: try user.requireID(), tokenHash: TokenDigest.hash(token), expiresAt: Date().addingTimeInterval(3600)).create(on: app.db)

        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
        let base = "http://127.0.0.1:\(port)"
        let auditBefore = try await AuditEventModel.query(on: app.db).count()
        let health = try await throughput(app: app, url: base + "/health", headers: [:], seconds: seconds, concurrency: concurrency)
        let read = try await throughput(app: app, url: base + "/api/patients/\(patient.id!)", headers: ["Authorization": "Bearer \(token)"],
                                        seconds: seconds, concurrency: concurrency)
        await app.auditLog.flush()
        let auditAfter = try await AuditEventModel.query(on: app.db).count()
        await app.server.shutdown()
        lines.append(String(format: "GET /health                 %8.0f requests/s (%d requests, %d clients, %d s)", health.rate, health.count, concurrency, seconds))
        lines.append(String(format: "GET /api/patients/{id}      %8.0f requests/s (%d requests; %d audit records written)", read.rate, read.count, auditAfter - auditBefore))
        return lines.joined(separator: "\n")
    }

    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Requests per second from `concurrency` clients looping for `seconds`; every answer must be 200.
    static func throughput(app: Application, url: String, headers: HTTPHeaders, seconds: Int, concurrency: Int) async throws -> (rate: Double, count: Int) {
        let deadline = ContinuousClock.now + .seconds(seconds)
        let start = ContinuousClock.now
        let count = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var done = 0
                    while ContinuousClock.now < deadline {
                        let response = try await app.client.get(URI(string: url), headers: headers)
                        guard response.status == .ok else { throw Abort(response.status, reason: "bench request failed") }
                        done += 1
                    }
                    return done
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - start
        return (Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18), count)
    }
}
