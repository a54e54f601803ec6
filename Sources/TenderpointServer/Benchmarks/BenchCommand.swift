import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `tenderpoint bench [--seconds S] [--concurrency C] [--records N] [--patients P]`: measures, on a
/// fresh temporary SQLite database filled with the demo clinic (`DemoClinic`, P patients), the
/// audit trail's cost per read (buffered, as the server does it, against one insert per read),
/// the HTTP throughput of `GET /health` beside the audited `GET /api/patients/{id}`,
/// `GET /fhir/Patient/{id}` and a patient's `GET /fhir/Observation?patient=` search in the same
/// run, a clinician's `GET /api/patients/{id}` latency (p50, p99) alone and while anonymous
/// clients flood `POST /api/auth/token` with wrong sign-ins, and a FHIR bulk export of the whole clinic in resources per second, with the server's
/// memory before and during it. Numbers, not tests: run it on a quiet machine.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seconds", help: "Seconds per HTTP measurement (default 5)") var seconds: Int?
        @Option(name: "concurrency", help: "Concurrent HTTP clients (default 8)") var concurrency: Int?
        @Option(name: "records", help: "Audit records per audit measurement (default 20000)") var records: Int?
        @Option(name: "patients", help: "Patients of the demo clinic the database is filled with (default 30)") var patients: Int?
        @Option(name: "sign-in-clients", help: "Anonymous clients sending wrong sign-ins during the latency measurement (default 64)")
        var signInClients: Int?
        @Option(name: "bcrypt-cost", help: "bcrypt cost of the sign-ins during that measurement (default 12, as in production)")
        var bcryptCost: Int?
    }

    var help: String { "Measures audit cost, HTTP and FHIR throughput and bulk export on a temporary demo database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let seconds = max(1, signature.seconds ?? 5)
        let concurrency = max(1, signature.concurrency ?? 8)
        let records = max(100, signature.records ?? 20_000)
        let patients = min(max(1, signature.patients ?? DemoClinic.defaultPatients), DemoClinic.maximumPatients)
        let signInClients = min(max(1, signature.signInClients ?? 64), 256)
        let bcryptCost = min(max(4, signature.bcryptCost ?? 12), 14)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenderpoint-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }

        var configuration = context.application.tenderpoint
        configuration.storage = .sqlite(dataDirectory: directory)
        configuration.logLevel = .error
        // The demo's accounts are hashed with this cost; the benchmark signs in with tokens, not passwords.
        configuration.passwordCost = 4
        let app = try await Application.make(context.application.environment)
        do {
            try await configure(app, with: configuration)
            try await prepareDatabase(app)
            try await app.autoMigrate()
            let report = try await Self.measure(app: app, seconds: seconds, concurrency: concurrency, records: records, patients: patients,
                                                signInClients: signInClients, bcryptCost: bcryptCost)
            context.console.print(report)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func measure(app: Application, seconds: Int, concurrency: Int, records: Int, patients: Int,
                        signInClients: Int = 64, bcryptCost: Int = 12) async throws -> String {
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
        let buffered = await time {
            for _ in 0..<records {
                await app.auditLog.record(AuditEntry(user: nil, action: .read, resourceType: "Patient", resourceID: patientID.uuidString, patientID: patientID))
            }
            await app.auditLog.flush()
        } / Double(records)
        lines.append(String(format: "audit, one insert per read:  %8.1f µs per read (%d reads)", single * 1e6, records / 10))
        lines.append(String(format: "audit, buffered batches:     %8.1f µs per read (%d reads) — %.0f× cheaper", buffered * 1e6, records, single / buffered))

        // The demo clinic, and the patient with the longest diary (the largest Observation search).
        let filling = ContinuousClock.now
        let summary = try await DemoClinic.create(patients: patients, app: app)
        lines.append(String(format: "demo clinic:                 %d patients, %d sessions, %d diary entries (filled in %.1f s)",
                            summary.patients, summary.sessions, summary.diaryEntries, Self.seconds(since: filling)))
        struct Busiest: Decodable { let patientId: UUID }
        let sql = app.db as! any SQLDatabase
        guard let busiest = try await sql.raw("""
            SELECT patient_id FROM diary_entries GROUP BY patient_id ORDER BY COUNT(*) DESC, patient_id LIMIT 1
            """).first(decoding: Busiest.self, keyDecodingStrategy: .convertFromSnakeCase)?.patientId else {
            throw Abort(.internalServerError, reason: "the demo clinic has no diary")
        }
        struct Count: Decodable { let total: Int }

        // A clinician's token (the benchmark does not measure bcrypt).
        let user = try await UserAccounts.create(username: "bench", password: "bench-password", role: .clinician, displayName: nil,
                                                 patientID: nil, hasher: app.password.async, on: app.db)
        let token = TokenDigest.newToken()
        try await TokenModel(userID: try user.requireID(), tokenHash: TokenDigest.hash(token), expiresAt: Date().addingTimeInterval(3600)).create(on: app.db)
        let bearer: HTTPHeaders = ["Authorization": "Bearer \(token)"]

        // Enough connections for the sign-in flood and the clinician side by side (the default is 8 per host).
        app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 2 * signInClients + concurrency
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
        let base = "http://127.0.0.1:\(port)"
        let observationSearch = "/fhir/Observation?patient=\(busiest.uuidString)"
        let observations = try await app.client.get(URI(string: base + observationSearch + "&_count=0"), headers: bearer)
        let observationTotal = observations.body.flatMap { try? JSONDecoder().decode(TotalOnly.self, from: $0) }?.total ?? 0

        await app.auditLog.flush()
        let auditBefore = try await AuditEventModel.query(on: app.db).count()
        let health = try await throughput(app: app, url: base + "/health", headers: [:], seconds: seconds, concurrency: concurrency)
        let read = try await throughput(app: app, url: base + "/api/patients/\(busiest.uuidString)", headers: bearer,
                                        seconds: seconds, concurrency: concurrency)
        let fhirRead = try await throughput(app: app, url: base + "/fhir/Patient/\(busiest.uuidString)", headers: bearer,
                                            seconds: seconds, concurrency: concurrency)
        let fhirSearch = try await throughput(app: app, url: base + observationSearch, headers: bearer, seconds: seconds, concurrency: concurrency)
        await app.auditLog.flush()
        let auditAfter = try await AuditEventModel.query(on: app.db).count()
        lines.append(String(format: "GET /health                 %8.0f requests/s (%d requests, %d clients, %d s)", health.rate, health.count, concurrency, seconds))
        lines.append(String(format: "GET /api/patients/{id}      %8.0f requests/s (%d requests)", read.rate, read.count))
        lines.append(String(format: "GET /fhir/Patient/{id}      %8.0f requests/s (%d requests)", fhirRead.rate, fhirRead.count))
        lines.append(String(format: "GET /fhir/Observation?patient= %5.0f requests/s (%d requests; first page of 50 of the patient's %d)",
                            fhirSearch.rate, fhirSearch.count, observationTotal))
        lines.append("audit records written by the HTTP measurements: \(auditAfter - auditBefore)")

        // A clinician's reads alone, then while anonymous clients send wrong sign-ins (bcrypt at
        // production cost on the sign-ins' own bounded pool).
        await app.usePasswordWork(PasswordWork(cost: bcryptCost))
        let readURL = base + "/api/patients/\(busiest.uuidString)"
        let alone = try await latencies(app: app, url: readURL, headers: bearer, seconds: seconds)
        let flood = try await whileSigningIn(app: app, url: base + "/api/auth/token", clients: signInClients, seconds: seconds) {
            try await latencies(app: app, url: readURL, headers: bearer, seconds: seconds)
        }
        let work = app.passwordWork
        lines.append(String(format: "GET /api/patients/{id}, one clinician alone:        p50 %6.1f ms  p99 %6.1f ms (%d reads)",
                            alone.p50 * 1e3, alone.p99 * 1e3, alone.count))
        lines.append(String(format: "  … while %d clients send wrong sign-ins:          p50 %6.1f ms  p99 %6.1f ms (%d reads) — p99 %.1f× alone",
                            signInClients, flood.result.p50 * 1e3, flood.result.p99 * 1e3, flood.result.count, flood.result.p99 / alone.p99))
        lines.append(String(format: "  sign-ins answered: %d × 401, %d × 429 (Retry-After), %d other; bcrypt cost %d on %d threads, queue %d",
                            flood.unauthorized, flood.tooMany, flood.other, bcryptCost, work.threads, work.queueLimit))

        // Bulk export of the whole clinic, kicked off and polled as a client does.
        let memoryBefore = residentMemory()
        var peak = memoryBefore
        let started = ContinuousClock.now
        var asyncHeaders = bearer
        asyncHeaders.add(name: "Prefer", value: "respond-async")
        let kickOff = try await app.client.get(URI(string: base + "/fhir/$export"), headers: asyncHeaders)
        guard kickOff.status == .accepted, let location = kickOff.headers.first(name: .contentLocation) else {
            throw Abort(.internalServerError, reason: "export kick-off answered \(kickOff.status)")
        }
        var manifest: FHIRExportManifest?
        while manifest == nil {
            try await Task.sleep(for: .milliseconds(20))
            peak = max(peak, residentMemory())
            let status = try await app.client.get(URI(string: location), headers: bearer)
            switch status.status {
            case .accepted: continue
            case .ok: manifest = try status.body.map { try JSONDecoder().decode(FHIRExportManifest.self, from: $0) }
            default: throw Abort(.internalServerError, reason: "export status answered \(status.status)")
            }
        }
        let exportSeconds = Self.seconds(since: started)
        let resources = manifest?.output.reduce(0) { $0 + $1.count } ?? 0
        await app.server.shutdown()
        lines.append(String(format: "FHIR bulk export ($export)  %8.0f resources/s (%d resources of %d patients in %.2f s)",
                            Double(resources) / exportSeconds, resources, summary.patients, exportSeconds))
        lines.append(String(format: "server memory (RSS):         %.0f MB before the export, at most %.0f MB while it ran",
                            Double(memoryBefore) / 1_048_576, Double(peak) / 1_048_576))
        return lines.joined(separator: "\n")
    }

    private struct TotalOnly: Decodable { let total: Int }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        return seconds(since: start)
    }

    /// The process's resident memory in bytes (Linux `/proc/self/statm`); 0 elsewhere.
    static func residentMemory() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    struct Latencies {
        var p50: Double
        var p99: Double
        var count: Int
    }

    /// One client's sequential reads for `seconds`: the 50th and 99th percentile of their times.
    static func latencies(app: Application, url: String, headers: HTTPHeaders, seconds: Int) async throws -> Latencies {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var times: [Double] = []
        while ContinuousClock.now < deadline {
            let start = ContinuousClock.now
            let response = try await app.client.get(URI(string: url), headers: headers)
            guard response.status == .ok else { throw Abort(response.status, reason: "bench read failed") }
            times.append(Self.seconds(since: start))
        }
        times.sort()
        func percentile(_ p: Double) -> Double {
            guard !times.isEmpty else { return 0 }
            return times[min(times.count - 1, Int((Double(times.count) * p).rounded(.up)) - 1)]
        }
        return Latencies(p50: percentile(0.50), p99: percentile(0.99), count: times.count)
    }

    /// Runs `body` while `clients` anonymous clients loop sending wrong sign-ins (unknown names)
    /// to `url`; they stop when `body` ends. Counts their answers.
    static func whileSigningIn<T: Sendable>(app: Application, url: String, clients: Int, seconds: Int,
                                            _ body: () async throws -> T) async throws
        -> (result: T, unauthorized: Int, tooMany: Int, other: Int) {
        let stop = ContinuousClock.now + .seconds(seconds + 1)
        return try await withThrowingTaskGroup(of: (Int, Int, Int).self) { group in
            for client in 0..<clients {
                group.addTask {
                    var counts = (0, 0, 0)
                    var attempt = 0
                    while ContinuousClock.now < stop, !Task.isCancelled {
                        attempt += 1
                        let response = try? await app.client.post(URI(string: url)) { request in
                            try request.content.encode(["username": "nobody-\(client)-\(attempt)", "password": "wrong guess"], as: .json)
                        }
                        switch response?.status {
                        case .unauthorized?: counts.0 += 1
                        case .tooManyRequests?: counts.1 += 1  // a flood does not wait for Retry-After
                        default: counts.2 += 1
                        }
                    }
                    return counts
                }
            }
            // Let the flood build up before measuring.
            try await Task.sleep(for: .milliseconds(300))
            let result = try await body()
            group.cancelAll()
            var total = (0, 0, 0)
            for try await counts in group { total = (total.0 + counts.0, total.1 + counts.1, total.2 + counts.2) }
            return (result, total.0, total.1, total.2)
        }
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
        return (Double(count) / Self.seconds(since: start), count)
    }
}
