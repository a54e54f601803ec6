import Fluent
import Foundation
import TenderpointCore
import Vapor

/// Urgent patient reports (DOMAIN.md §4): `GET /api/alerts` and
/// `POST /api/alerts/{id}/acknowledge`, for clinicians and nurses.
struct AlertController: RouteCollection {
    static let defaultLimit = 100

    func boot(routes: any RoutesBuilder) throws {
        let alerts = routes.grouped("alerts")
        alerts.get(use: list)
        alerts.post(":alertID", "acknowledge", use: acknowledge)
    }

    /// `GET /api/alerts?state=open|all&patientId=&limit=&offset=`: open alerts first, each group
    /// latest first. Each patient shown is audited as a read of their alerts.
    @Sendable
    func list(request: Request) async throws -> Listing<AlertDTO> {
        try await request.authorize(.readAlerts, resource: "Alert")
        struct Query: Decodable {
            var state: String?
            var patientId: String?
            var limit: String?
            var offset: String?
        }
        let query = try request.query.decode(Query.self)
        var problems: [Problem] = []
        var filter = AlertQueries.Filter()
        switch query.state {
        case nil, "all": break
        case "open": filter.openOnly = true
        default: problems.append(Problem(.unknownIdentifier, "state must be open or all.", field: "state"))
        }
        if let text = query.patientId {
            if let id = UUID(uuidString: text) { filter.patientID = id } else {
                problems.append(Problem(.invalidValue, "patientId must be a patient's id.", field: "patientId"))
            }
        }
        // The one paging rule of every list (limit 1–500, offset 0–1,000,000).
        var paging: Paging?
        do {
            paging = try Paging(limit: query.limit, offset: query.offset, defaultLimit: Self.defaultLimit)
        } catch {
            problems += error.all
        }
        guard problems.isEmpty, let paging else { throw Problems(problems) }
        let (limit, offset) = (paging.limit, paging.offset)
        let (items, total) = try await AlertQueries.list(filter, limit: limit, offset: offset, on: request.db)
        for patient in Set(items.map(\.patientId)).sorted(by: { $0.uuidString < $1.uuidString }) {
            await request.auditRead("Alert", patient: patient, action: .search,
                                    detail: "\(items.count { $0.patientId == patient }) alerts")
        }
        return Listing(items: items, total: total, limit: limit, offset: offset)
    }

    /// `POST /api/alerts/{id}/acknowledge` `{"note"?}`: the alert leaves Today and the patient's
    /// page. Acknowledging one already acknowledged is a 409 (whoever did it first keeps it).
    @Sendable
    func acknowledge(request: Request) async throws -> AlertDTO {
        let user = try await request.authorize(.acknowledgeAlerts, resource: "Alert")
        let alertID = try request.uuidParameter("alertID", what: "Alert")
        let input = request.body.data == nil ? AlertAcknowledgementInput() : try request.content.decode(AlertAcknowledgementInput.self)
        let note = try input.validatedNote()
        guard let found = try await AlertModel.find(alertID, on: request.db) else { throw APIError.notFound("Alert \(alertID)") }
        let patientID = found.$patient.id
        try await request.authorize(.acknowledgeAlerts, patient: patientID, resource: "Alert")
        try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            guard let alert = try await AlertModel.find(alertID, on: database) else { throw APIError.notFound("Alert \(alertID)") }
            guard alert.acknowledgedAt == nil else {
                throw APIError(.conflict, code: "already_acknowledged", message: "This alert was already acknowledged.")
            }
            alert.acknowledgedAt = Date()
            alert.acknowledgedBy = user.id
            alert.acknowledgementNote = note
            try await alert.save(on: database)
            try await AuditLog.insert(AuditEntry(user: user, action: .update, resourceType: "Alert", resourceID: alertID.uuidString,
                                                 patientID: patientID, detail: "acknowledged \(alert.kind)"), on: database)
        }
        guard let dto = try await AlertQueries.find(alertID, on: request.db) else { throw APIError.notFound("Alert \(alertID)") }
        return dto
    }
}
