import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// `GET /admin/audit` and `GET /admin/audit.csv`: the audit trail for admins (`readAudit`; a
/// patient reads only their own, in the portal). Reading it is itself audited: one record of
/// the search, and one for each patient whose name the page shows, so their own trail says so.
struct AdminAuditController: RouteCollection {
    /// The CSV's chunk: rows are read and written a thousand at a time, never all at once.
    static let csvChunk = 1000

    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: page)
        routes.get("audit.csv", use: csv)
    }

    @Sendable
    func page(request: Request) async throws -> Response {
        var model = try await Self.model(request)
        guard model.filter.isValid else {
            return AdminAuditPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
        }
        let sql = request.db as! any SQLDatabase
        let conditions = AdminAuditQuery.conditions(model.filter, patients: model.filter.patientText == nil ? nil : model.patients.map(\.id),
                                                    timeZone: request.application.tenderpoint.clinicTimeZone)
        // Reads are buffered: store them first so the trail includes the latest ones.
        await request.application.auditLog.flush()
        model.page = try await AdminAuditQuery.page(conditions, index: AdminAuditQuery.index(for: model.filter),
                                                    after: model.filter.cursor, on: sql)
        let filtered = model.patients.count == 1 ? model.patients.first?.id : nil
        await request.auditRead("AuditTrail", patient: filtered, action: .search,
                                detail: "admin: \(model.filter.summary); \(model.page.rows.count) rows")
        var named = Set<UUID>()
        for row in model.page.rows {
            if let patient = row.patient_id, patient != filtered, named.insert(patient).inserted {
                await request.auditRead("AuditTrail", patient: patient, action: .search, detail: "admin: named on an audit trail page")
            }
        }
        return AdminAuditPage.View.render(model, context: request.pageContext).response()
    }

    /// The filtered rows (all pages) as CSV, streamed by keyset a chunk at a time; patients by id only.
    @Sendable
    func csv(request: Request) async throws -> Response {
        let model = try await Self.model(request)
        guard model.filter.isValid else {
            return AdminAuditPage.View.render(model, context: request.pageContext).response(status: .unprocessableEntity)
        }
        let sql = request.db as! any SQLDatabase
        let conditions = AdminAuditQuery.conditions(model.filter, patients: model.filter.patientText == nil ? nil : model.patients.map(\.id),
                                                    timeZone: request.application.tenderpoint.clinicTimeZone)
        await request.application.auditLog.flush()
        await request.auditRead("AuditTrail", patient: model.patients.count == 1 ? model.patients.first?.id : nil, action: .export,
                                detail: "admin: audit-trail.csv, \(model.filter.summary)")
        let allocator = request.byteBufferAllocator
        let start = model.filter.cursor
        let index = AdminAuditQuery.index(for: model.filter)
        let body = Response.Body(managedAsyncStream: { writer in
            try await writer.write(.buffer(allocator.buffer(string: AdminAuditQuery.csvHeader + "\r\n")))
            var cursor = start
            repeat {
                let page = try await AdminAuditQuery.page(conditions, index: index, after: cursor, limit: Self.csvChunk, on: sql)
                var text = ""
                text.reserveCapacity(page.rows.count * 160)
                for row in page.rows {
                    text += AdminAuditQuery.csvLine(row)
                    text += "\r\n"
                }
                if !text.isEmpty { try await writer.write(.buffer(allocator.buffer(string: text))) }
                cursor = page.next
            } while cursor != nil
        })
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8", "header": "present"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"audit-trail.csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The filters as typed and checked, with the patients the patient filter matched.
    private static func model(_ request: Request) async throws -> AdminAuditPage.Model {
        try await request.authorize(.readAudit, resource: "AuditTrail")
        let text = try request.query.decode(AdminAuditFilter.Text.self)
        var model = AdminAuditPage.Model(filter: AdminAuditFilter(text))
        if let patientText = model.filter.patientText {
            switch try await AdminPatientLookup.patients(matching: patientText, on: request.db) {
            case .found(let patients): model.patients = patients
            case .refused(let message): model.filter.errors["patient"] = message
            }
        }
        model.usernames = try await AdminUserQuery.usernames(on: request.db as! any SQLDatabase)
        model.resourceTypes = AdminAuditPage.knownResourceTypes
        return model
    }
}
