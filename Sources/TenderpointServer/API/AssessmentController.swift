import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Assessment visits: tender points, ACR 2016, FIQR, pain NRS, PGIC. The core scores the answers
/// and the scores are stored beside them, so lists and reports never re-score.
struct AssessmentController: RouteCollection {
    static let defaultLimit = 50

    func boot(routes: any RoutesBuilder) throws {
        let assessments = routes.grouped("patients", ":patientID", "assessments")
        assessments.post(use: create)
        assessments.get(use: list)
        assessments.get(":assessmentID", use: read)
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        let patientID = try request.patientID()
        let user = try await request.authorize(.writeClinical, patient: patientID, resource: "Assessment")
        let input = try request.content.decode(AssessmentInput.self)
        let assessment = try input.validated(today: request.clinicToday)
        assessment.id = UUID()
        assessment.$patient.id = patientID
        assessment.$assessor.id = user.id
        assessment.assessedAt = Date()
        let entry = request.auditEntry(.create, "Assessment", id: assessment.id, patient: patientID)
        try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            guard try await PatientModel.find(patientID, on: database) != nil else { throw APIError.notFound("Patient \(patientID)") }
            try await assessment.create(on: database)
            try await AuditLog.insert(entry, on: database)
        }
        let dto = try AssessmentDTO(AssessmentDTO.Row(assessment, assessor: RecordAuthor(user)))
        return try await dto.encodeResponse(status: .created, for: request)
    }

    /// `GET …/assessments?limit=&offset=`: newest first.
    @Sendable
    func list(request: Request) async throws -> Listing<AssessmentDTO> {
        let patientID = try request.patientID()
        try await request.authorize(.readClinical, patient: patientID, resource: "Assessment")
        let (limit, offset) = try request.pageBounds(defaultLimit: Self.defaultLimit)
        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        let total = try await AssessmentModel.query(on: request.db).filter(\.$patient.$id == patientID).count()
        let rows = try await Self.rows(patient: patientID, on: request.db, limit: limit, offset: offset)
        await request.auditRead("Assessment", patient: patientID, detail: "\(rows.count) of \(total) assessments")
        return Listing(items: try rows.map(AssessmentDTO.init), total: total, limit: limit, offset: offset)
    }

    @Sendable
    func read(request: Request) async throws -> AssessmentDTO {
        let patientID = try request.patientID()
        let assessmentID = try request.uuidParameter("assessmentID", what: "Assessment")
        try await request.authorize(.readClinical, patient: patientID, resource: "Assessment")
        let sql = request.db as! any SQLDatabase
        let row = try await sql.raw("""
            SELECT \(unsafeRaw: AssessmentDTO.Row.columns)
            FROM assessments a JOIN users u ON u.id = a.assessed_by
            WHERE a.id = \(bind: assessmentID) AND a.patient_id = \(bind: patientID)
            """).first(decoding: AssessmentDTO.Row.self)
        guard let row else { throw APIError.notFound("Assessment \(assessmentID)") }
        await request.auditRead("Assessment", id: assessmentID.uuidString, patient: patientID)
        return try AssessmentDTO(row)
    }

    /// A patient's assessments, newest first, as raw rows (the timeline reads them too).
    static func rows(patient patientID: UUID, on database: any Database, limit: Int? = nil, offset: Int = 0) async throws -> [AssessmentDTO.Row] {
        let sql = database as! any SQLDatabase
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: AssessmentDTO.Row.columns)
            FROM assessments a JOIN users u ON u.id = a.assessed_by
            WHERE a.patient_id = \(bind: patientID)
            ORDER BY a.date DESC, a.assessed_at DESC
            """
        if let limit { query += " LIMIT \(bind: limit) OFFSET \(bind: offset)" }
        return try await sql.raw(query).all(decoding: AssessmentDTO.Row.self)
    }
}
