import Foundation
import Vapor

/// `tenderpoint demo [--patients N] [--seed S]`: fills an empty database with a realistic demo
/// clinic (see `DemoClinic` and the README for the logins). The same seed on the same day gives
/// the same clinic.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "patients", help: "How many patients (default \(DemoClinic.defaultPatients)).")
        var patients: String?
        @Option(name: "seed", help: "The seed of the random choices (default \(DemoClinic.defaultSeed)).")
        var seed: String?
    }

    var help: String { "Fills an empty database with a demo clinic: staff, patients and a year of their treatment." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let patients = try Self.number(signature.patients, option: "--patients") ?? DemoClinic.defaultPatients
        let seed = try signature.seed.map { text -> UInt64 in
            guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
                throw CommandFailure.badInput("--seed must be a whole number from 0 to \(UInt64.max), not '\(text)'")
            }
            return value
        } ?? DemoClinic.defaultSeed
        let app = context.application
        try await CommandDatabase.open(app)
        let bar = ProgressBar(label: "patients")
        let started = Date()
        let summary = try await DemoClinic.create(patients: patients, seed: seed, app: app) { done, total in
            bar.update(done: done, total: total)
        }
        let seconds = Date().timeIntervalSince(started)
        app.logger.debug("demo: \(String(format: "%.1f", summary.generating)) s making rows, \(String(format: "%.1f", summary.writing)) s writing them")
        context.console.print("demo clinic created in \(String(format: "%.1f", seconds)) s: \(summary.patients) patients, "
            + "\(summary.staff) staff, \(summary.sessions) sessions, \(summary.appointments) appointments, "
            + "\(summary.diaryEntries) diary entries (seed \(seed)). Sign in as admin / admin-demo-1, "
            + "dr.okafor / clinician-demo-1, nurse.ellis / nurse-demo-1, reception.patel / reception-demo-1, "
            + "patient1 / patient-demo-1.")
    }

    private static func number(_ text: String?, option: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
            throw CommandFailure.badInput("\(option) must be a whole number above 0, not '\(text)'")
        }
        return value
    }
}
