import Foundation
import SQLKit
import TenderpointFHIR
import Vapor

/// Writes one Bulk Data export: a NDJSON file per resource type, filled patient page by patient
/// page (keyset paging on the patient id), each resource written as it is made, so memory stays
/// flat however large the clinic. Every patient exported is audited.
struct FHIRExportRunner: Sendable {
    static let patientsPerPage = 50

    let id: UUID
    let user: AuthenticatedUser
    let types: [FHIRResourceType]
    /// Whether the export is system-level (`/fhir/$export`): practitioners and questionnaires too.
    let systemLevel: Bool
    let kickOffURL: String
    let baseURL: String
    let transactionTime: Date

    func run(app: Application, jobs: FHIRExportJobs) async throws {
        let directory = await jobs.directory(id)
        let context = FHIRContext(database: app.db as! any SQLDatabase, timeZone: app.tenderpoint.clinicTimeZone, baseURL: baseURL)
        var files: [FHIRResourceType: NDJSONFile] = [:]
        var order: [FHIRResourceType] = []
        func write(_ resource: AnyResource) throws {
            let type = resource.resourceType
            if files[type] == nil {
                files[type] = try NDJSONFile(url: directory.appendingPathComponent("\(type.rawValue).ndjson"))
                order.append(type)
            }
            try files[type]!.write(resource)
        }
        defer { for file in files.values { try? file.close() } }

        if systemLevel, types.contains(.practitioner) {
            try await FHIRProviders.practitioner.exportAll(in: context, write: write)
        }
        if systemLevel, types.contains(.questionnaire) {
            for questionnaire in FHIRQuestionnaires.all { try write(.questionnaire(questionnaire)) }
        }
        let providers = FHIRProviders.compartment.filter { types.contains($0.type) }
        struct Count: Decodable { let total: Int }
        struct PatientID: Decodable { let id: UUID }
        let total = try await context.database.raw("SELECT COUNT(*) AS total FROM patients").first(decoding: Count.self)?.total ?? 0
        var done = 0
        var last: UUID?
        while !providers.isEmpty {
            try Task.checkCancellation()
            let after: SQLQueryString = last.map { "WHERE id > \(bind: $0)" } ?? ""
            let page = try await context.database.raw("SELECT id FROM patients \(after) ORDER BY id LIMIT \(bind: Self.patientsPerPage)")
                .all(decoding: PatientID.self).map(\.id)
            guard let final = page.last else { break }
            for provider in providers {
                try await provider.export(patients: page, in: context, write: write)
            }
            for patient in page {
                await app.auditLog.record(AuditEntry(user: user, action: .export, resourceType: "Patient", resourceID: patient.uuidString,
                                                     patientID: patient, detail: "FHIR bulk export \(id.uuidString)"))
            }
            done += page.count
            last = final
            await jobs.progress(id, "\(done) of \(total) patients")
        }
        try Task.checkCancellation()

        let counts = files.mapValues(\.count)
        for file in files.values { try file.close() }
        files = [:]
        let outputs = order.map { type in
            FHIRExportManifest.Output(type: type.rawValue, url: "\(baseURL)/$export-file/\(id.uuidString)/\(type.rawValue).ndjson",
                                      count: counts[type] ?? 0)
        }
        let record = FHIRExportRecord(
            owner: user.id,
            manifest: FHIRExportManifest(transactionTime: FHIRInstant(transactionTime).text, request: kickOffURL,
                                         requiresAccessToken: true, output: outputs, error: []),
            files: order.map { "\($0.rawValue).ndjson" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Written last and whole, so a job.json on disk always describes a finished export.
        try encoder.encode(record).write(to: directory.appendingPathComponent(FHIRExportRecord.fileName), options: .atomic)
    }
}
