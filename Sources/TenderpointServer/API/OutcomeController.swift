import Fluent
import Foundation
import NIOCore
import TenderpointCore
import Vapor

/// The clinic's outcome report (JSON and the per-cycle CSV it is computed from) and a patient's
/// own outcomes. The report is aggregate and for the clinical team and the administrator
/// (`readReports`); a patient's outcomes are clinical (`readClinical`: the patient may see their own).
struct OutcomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("reports", "outcomes")
        reports.get(use: report)
        reports.get("cycles.csv", use: cycles)
        routes.get("patients", ":patientID", "outcomes", use: patientOutcomes)
    }

    /// `GET /api/reports/outcomes?from=&to=&product=&minUnits=&maxUnits=&injector=`
    @Sendable
    func report(request: Request) async throws -> OutcomeDTO.Report {
        try await request.authorize(.readReports, resource: "OutcomeReport")
        let filter = try OutcomeFilter(request.query.decode(OutcomeFilter.Text.self))
        let data = try await OutcomeCycleQuery.all(filter, today: request.clinicToday, on: request.db)
        let report = try OutcomeReportAssembly.report(rows: data.rows, adverseEvents: data.adverseEvents, filter: filter)
        await request.auditRead("OutcomeReport", patient: nil, action: .read,
                                detail: "\(filter.summary): \(report.sessions) sessions of \(report.patients) patients")
        return report
    }

    /// `GET /api/reports/outcomes/cycles.csv` (same filters): streamed a chunk of patients at a
    /// time, so a clinic of 50,000 patients never sits in memory as one string.
    @Sendable
    func cycles(request: Request) async throws -> Response {
        try await request.authorize(.readReports, resource: "OutcomeCycles")
        let filter = try OutcomeFilter(request.query.decode(OutcomeFilter.Text.self))
        await request.auditRead("OutcomeCycles", patient: nil, action: .export, detail: "cycles.csv, \(filter.summary)")
        let database = request.db
        let today = request.clinicToday
        let allocator = request.byteBufferAllocator
        let body = Response.Body(managedAsyncStream: { writer in
            try await writer.write(.buffer(allocator.buffer(string: OutcomeCycleRow.csvHeader + "\r\n")))
            try await OutcomeCycleQuery.run(filter, today: today, on: database, adverseEvents: false) { chunk in
                guard !chunk.rows.isEmpty else { return }
                var text = ""
                text.reserveCapacity(chunk.rows.count * 120)
                for row in chunk.rows {
                    text += row.csvLine
                    text += "\r\n"
                }
                try await writer.write(.buffer(allocator.buffer(string: text)))
            }
        })
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8", "header": "present"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"outcome-cycles.csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: body)
    }

    /// `GET /api/patients/{id}/outcomes`
    @Sendable
    func patientOutcomes(request: Request) async throws -> OutcomeDTO.PatientOutcomes {
        let patientID = try request.patientID()
        try await request.authorize(.readClinical, patient: patientID, resource: "PatientOutcomes")
        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        let database = request.db
        let records = try await OutcomeCycleQuery.records(for: patientID, on: database)
        let cache = request.application.populationBenefit
        let outcomes = try await PatientOutcomesAssembly.outcomes(records, today: request.clinicToday) { product in
            try await cache.median(for: product, today: request.clinicToday, on: database)
        }
        await request.auditRead("PatientOutcomes", id: patientID.uuidString, patient: patientID)
        return outcomes
    }
}
