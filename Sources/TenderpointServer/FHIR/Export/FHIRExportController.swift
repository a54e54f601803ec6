import Foundation
import TenderpointCore
import TenderpointFHIR
import Vapor

/// FHIR Bulk Data export, the asynchronous pattern: `GET /fhir/$export` or
/// `GET /fhir/Patient/$export` with `Prefer: respond-async` → 202 and a status URL in
/// `Content-Location`; the status URL answers 202 with `X-Progress` while the files are written,
/// then 200 with the manifest; `DELETE` on it cancels (or deletes the files); the NDJSON files
/// are served with the same bearer token.
struct FHIRExportController: RouteCollection {
    static let ndjson = HTTPMediaType(type: "application", subType: "fhir+ndjson")
    static let outputFormats: Set<String> = ["application/fhir+ndjson", "application/ndjson", "ndjson"]
    /// What an export holds: the patient compartment (without the audit trail, which is not
    /// part of the clinical record) and, system-wide, the practitioners and questionnaires.
    static let patientTypes = FHIRProviders.compartment.map(\.type).filter { $0 != .auditEvent }
    static let systemTypes = patientTypes + [.practitioner, .questionnaire]

    func boot(routes: any RoutesBuilder) throws {
        // The router matches path components as sent: a client that percent-encodes "$" sends "%24".
        for dollar in ["$", "%24"] {
            let export = PathComponent(stringLiteral: dollar + "export")
            let status = PathComponent(stringLiteral: dollar + "export-status")
            routes.get(export, use: exportAll)
            routes.get("Patient", export, use: exportPatients)
            routes.get(status, ":jobID", use: self.status)
            routes.delete(status, ":jobID", use: cancel)
            routes.get(PathComponent(stringLiteral: dollar + "export-file"), ":jobID", ":file", use: file)
        }
    }

    @Sendable
    func exportAll(request: Request) async throws -> Response {
        try await kickOff(request, systemLevel: true)
    }

    @Sendable
    func exportPatients(request: Request) async throws -> Response {
        try await kickOff(request, systemLevel: false)
    }

    private func kickOff(_ request: Request, systemLevel: Bool) async throws -> Response {
        let user = try await request.authorize(.bulkExport, resource: "BulkExport")
        guard request.headers[.init("Prefer")].contains(where: { $0.lowercased().contains("respond-async") }) else {
            throw FHIRError(.badRequest, .invalid, "Bulk export is asynchronous: send the header Prefer: respond-async.")
        }
        let allowed = systemLevel ? Self.systemTypes : Self.patientTypes
        var types = allowed
        var issues: [OperationOutcome.Issue] = []
        for (name, value) in FHIRSearchRequest.pairs(request.url.query ?? "") {
            switch name {
            case "_outputFormat":
                if !Self.outputFormats.contains(value) {
                    issues.append(.init(severity: .error, code: .notSupported, diagnostics: "_outputFormat \(value) is not supported; use application/fhir+ndjson.", expression: [name]))
                }
            case "_type":
                let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let unknown = names.filter { name in !allowed.contains { $0.rawValue == name } }
                if unknown.isEmpty {
                    types = allowed.filter { names.contains($0.rawValue) }
                } else {
                    issues.append(.init(severity: .error, code: .notSupported,
                                        diagnostics: "_type names types this export does not hold: \(unknown.joined(separator: ", ")); it holds \(allowed.map(\.rawValue).joined(separator: ", ")).",
                                        expression: [name]))
                }
            case "_since":
                issues.append(.init(severity: .error, code: .notSupported,
                                    diagnostics: "_since is not supported: not every record keeps when it last changed, so an export since a time could miss changes.",
                                    expression: [name]))
            default:
                issues.append(.init(severity: .error, code: .notSupported, diagnostics: "Unknown export parameter \"\(name)\"; supported: _outputFormat, _type.",
                                    expression: [name]))
            }
        }
        guard issues.isEmpty else { throw FHIRError(.badRequest, issues: issues) }

        let jobs = request.application.fhirExports
        if await jobs.isRunning(owner: user.id) {
            var error = FHIRError(.tooManyRequests, .throttled, "An export of yours is still running: wait for it, or cancel it with DELETE on its status URL.")
            error.headers.replaceOrAdd(name: .retryAfter, value: "5")
            throw error
        }
        let id = UUID()
        let baseURL = FHIRContext.baseURL(of: request)
        let runner = FHIRExportRunner(id: id, user: user, types: types, systemLevel: systemLevel,
                                      kickOffURL: baseURL + (systemLevel ? "/$export" : "/Patient/$export") + (request.url.query.map { "?" + $0 } ?? ""),
                                      baseURL: baseURL, transactionTime: Date())
        let app = request.application
        try await jobs.start(id, owner: user.id) { try await runner.run(app: app, jobs: jobs) }
        await request.auditRead("BulkExport", id: id.uuidString, patient: nil, action: .export,
                                detail: "FHIR bulk export of \(types.map(\.rawValue).joined(separator: ", "))")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentLocation, value: "\(baseURL)/$export-status/\(id.uuidString)")
        return FHIRResponse.resource(OperationOutcome(issue: [.init(severity: .information, code: .informational,
                                                                    diagnostics: "The export has started; poll the Content-Location URL.")]),
                                     status: .accepted, headers: headers)
    }

    @Sendable
    func status(request: Request) async throws -> Response {
        let user = try await request.authorize(.bulkExport, resource: "BulkExport")
        let id = try Self.jobID(request)
        switch await request.application.fhirExports.status(id, owner: user.id) {
        case .running(let progress):
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: "X-Progress", value: progress)
            headers.replaceOrAdd(name: .retryAfter, value: "1")
            return Response(status: .accepted, headers: headers)
        case .complete(let record):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .expires, value: "0")
            return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(record.manifest)))
        case .failed(let message):
            throw FHIRError(.internalServerError, .exception, message)
        case .cancelled, .unknown:
            throw FHIRError(.notFound, .notFound, "No export \(id.uuidString) of yours is known.")
        }
    }

    @Sendable
    func cancel(request: Request) async throws -> Response {
        let user = try await request.authorize(.bulkExport, resource: "BulkExport")
        let id = try Self.jobID(request)
        guard await request.application.fhirExports.cancel(id, owner: user.id) else {
            throw FHIRError(.notFound, .notFound, "No export \(id.uuidString) of yours is known.")
        }
        await request.auditRead("BulkExport", id: id.uuidString, patient: nil, action: .delete, detail: "FHIR bulk export cancelled")
        return FHIRResponse.resource(OperationOutcome(issue: [.init(severity: .information, code: .informational,
                                                                    diagnostics: "The export is cancelled and its files are deleted.")]),
                                     status: .accepted)
    }

    @Sendable
    func file(request: Request) async throws -> Response {
        let user = try await request.authorize(.bulkExport, resource: "BulkExport")
        let id = try Self.jobID(request)
        let name = request.parameters.get("file") ?? ""
        let jobs = request.application.fhirExports
        switch await jobs.status(id, owner: user.id) {
        case .complete(let record) where record.files.contains(name):
            await request.auditRead("BulkExport", id: id.uuidString, patient: nil, action: .export, detail: "FHIR bulk export file \(name)")
            let path = await jobs.directory(id).appendingPathComponent(name).path
            return try await request.fileio.asyncStreamFile(at: path, mediaType: Self.ndjson)
        case .cancelled:
            throw FHIRError(.gone, .deleted, "Export \(id.uuidString) was deleted, and its files with it.")
        case .running:
            throw FHIRError(.notFound, .notFound, "Export \(id.uuidString) is still running; its files are listed when it is done.")
        default:
            throw FHIRError(.notFound, .notFound, "No file \(name) of an export \(id.uuidString) of yours is known.")
        }
    }

    private static func jobID(_ request: Request) throws -> UUID {
        guard let text = request.parameters.get("jobID"), let id = UUID(uuidString: text) else {
            throw FHIRError(.notFound, .notFound, "No such export.")
        }
        return id
    }
}
