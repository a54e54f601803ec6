import Fluent
import Foundation
import TenderpointCore
import Vapor

/// A patient's diagnoses (fibromyalgia, myofascial pain), coded from the core's code table.
struct ConditionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let conditions = routes.grouped("patients", ":patientID", "conditions")
        conditions.post(use: create)
        conditions.get(use: list)
        conditions.patch(":conditionID", use: update)
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        let patientID = try request.patientID()
        try await request.authorize(.writeClinical, patient: patientID, resource: "Condition")
        let input = try request.content.decode(ConditionInput.self)
        let today = request.clinicToday
        let condition = ConditionModel()
        condition.id = UUID()
        condition.$patient.id = patientID
        let entry = request.auditEntry(.create, "Condition", id: condition.id, patient: patientID)
        try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            let patient = try await PatientModel.find(patientID, on: database)
            guard let patient else { throw APIError.notFound("Patient \(patientID)") }
            try input.apply(to: condition, creating: true, today: today, birthDate: CalendarDate(iso: patient.birthDate))
            try await condition.create(on: database)
            try await AuditLog.insert(entry, on: database)
        }
        return try await ConditionDTO(condition).encodeResponse(status: .created, for: request)
    }

    /// Every diagnosis, newest first: a patient has a handful, so no paging.
    @Sendable
    func list(request: Request) async throws -> Listing<ConditionDTO> {
        let patientID = try request.patientID()
        try await request.authorize(.readClinical, patient: patientID, resource: "Condition")
        let paging = try request.paging(defaultLimit: Paging.limits.upperBound)
        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        let query = ConditionModel.query(on: request.db).filter(\.$patient.$id == patientID)
        let total = try await query.count()
        let conditions = try await query.sort(\.$recordedDate, .descending).sort(\.$createdAt, .descending).range(paging.rows).all()
        await request.auditRead("Condition", patient: patientID, detail: "\(conditions.count) of \(total) conditions")
        let items = try conditions.map(ConditionDTO.init)
        return Listing(items: items, total: total, limit: paging.limit, offset: paging.offset)
    }

    /// Changes the status (a diagnosis resolves), the onset or the note; the kind stays.
    @Sendable
    func update(request: Request) async throws -> ConditionDTO {
        let patientID = try request.patientID()
        let conditionID = try request.uuidParameter("conditionID", what: "Condition")
        try await request.authorize(.writeClinical, patient: patientID, resource: "Condition")
        let input = try request.content.decode(ConditionInput.self)
        if input.kind != nil {
            throw APIError.invalid("kind", "The kind of a diagnosis cannot change; record a new condition instead.")
        }
        let today = request.clinicToday
        let entry = request.auditEntry(.update, "Condition", id: conditionID, patient: patientID)
        let condition = try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            let condition = try await ConditionModel.query(on: database).filter(\.$id == conditionID)
                .filter(\.$patient.$id == patientID).first()
            guard let condition else { throw APIError.notFound("Condition \(conditionID)") }
            let patient = try await PatientModel.find(patientID, on: database)
            try input.apply(to: condition, creating: false, today: today, birthDate: patient.flatMap { CalendarDate(iso: $0.birthDate) })
            try await condition.save(on: database)
            try await AuditLog.insert(entry, on: database)
            return condition
        }
        return try ConditionDTO(condition)
    }
}
