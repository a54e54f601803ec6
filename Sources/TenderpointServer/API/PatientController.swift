import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Patients' demographics: create, read, update, search.
struct PatientController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let patients = routes.grouped("patients")
        patients.post(use: create)
        patients.get(use: search)
        patients.get(":patientID", use: read)
        patients.patch(":patientID", use: update)
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        try await request.authorize(.createPatient, resource: "Patient")
        let input = try request.content.decode(PatientInput.self)
        let patient = PatientModel()
        patient.id = UUID()
        try input.apply(to: patient, creating: true, today: request.clinicToday)
        try await request.db.writeTransaction { database in
            try await Self.checkUniqueNHSNumber(patient, on: database)
            try await patient.create(on: database)
            try await AuditLog.insert(request.auditEntry(.create, "Patient", id: patient.id, patient: patient.id), on: database)
        }
        return try await PatientDTO(patient).encodeResponse(status: .created, for: request)
    }

    @Sendable
    func read(request: Request) async throws -> PatientDTO {
        let id = try request.patientID()
        try await request.authorize(.readDemographics, patient: id)
        let patient = try await PatientModel.find(id, on: request.db)
        guard let patient else { throw APIError.notFound("Patient \(id)") }
        await request.auditRead("Patient", id: id.uuidString, patient: id)
        return try PatientDTO(patient)
    }

    @Sendable
    func update(request: Request) async throws -> PatientDTO {
        let id = try request.patientID()
        try await request.authorize(.writeDemographics, patient: id)
        let input = try request.content.decode(PatientInput.self)
        let today = request.clinicToday
        let entry = request.auditEntry(.update, "Patient", id: id, patient: id)
        let patient = try await request.db.writeTransaction(locking: [("patients", id)]) { database in
            guard let patient = try await PatientModel.find(id, on: database) else { throw APIError.notFound("Patient \(id)") }
            try input.apply(to: patient, creating: false, today: today)
            try await Self.checkUniqueNHSNumber(patient, on: database)
            try await patient.save(on: database)
            try await AuditLog.insert(entry, on: database)
            return patient
        }
        return try PatientDTO(patient)
    }

    /// `GET /api/patients?name=&identifier=&birthDate=&limit=&offset=`: every term given must match.
    @Sendable
    func search(request: Request) async throws -> Listing<PatientDTO> {
        try await request.authorize(.searchPatients, resource: "Patient")
        struct Query: Decodable {
            var name: String?
            var identifier: String?
            var birthDate: String?
        }
        let query = try request.query.decode(Query.self)
        let paging = try request.paging(defaultLimit: 50)
        var builder = PatientModel.query(on: request.db)
        if let name = query.name?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty {
            // Literal: "%" or "_" in a name matches that character, not any text.
            for word in name.split(separator: " ") {
                builder = builder.filter(LiteralSearch.filter("search_name", contains: String(word)))
            }
        }
        if let identifier = query.identifier?.trimmingCharacters(in: .whitespaces), !identifier.isEmpty {
            let digits = identifier.filter { $0 != " " && $0 != "-" }
            builder = builder.filter(\.$nhsNumber == digits)
        }
        if let birthDate = query.birthDate {
            guard let date = CalendarDate(iso: birthDate) else {
                throw APIError.invalid("birthDate", "birthDate must be a date YYYY-MM-DD.", code: .invalidDate)
            }
            builder = builder.filter(\.$birthDate == date.iso)
        }
        let total = try await builder.count()
        let patients = try await builder.sort(\.$familyName).sort(\.$givenName).range(paging.rows).all()
        await request.auditRead("Patient", patient: nil, action: .search, detail: "\(patients.count) of \(total) results")
        return Listing(items: try patients.map(PatientDTO.init), total: total, limit: paging.limit, offset: paging.offset)
    }

    static func checkUniqueNHSNumber(_ patient: PatientModel, on database: any Database) async throws {
        guard let nhs = patient.nhsNumber else { return }
        let clash = try await PatientModel.query(on: database).filter(\.$nhsNumber == nhs)
            .filter(\.$id != patient.id!).first()
        if clash != nil {
            throw APIError(.conflict, code: Problem.Code.duplicateIdentifier.rawValue,
                           message: "Another patient already has NHS number \(NHSNumber(nhs)?.formatted ?? nhs).", field: "nhsNumber")
        }
    }
}

extension Request {
    /// The `:patientID` path parameter as a UUID, or 404.
    func patientID() throws -> UUID {
        try uuidParameter("patientID", what: "Patient")
    }

    func uuidParameter(_ name: String, what: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw APIError.notFound("\(what) \(parameters.get(name) ?? "")")
        }
        return id
    }

    /// Today's date on the clinic's calendar.
    var clinicToday: CalendarDate {
        CalendarDate(Date(), in: application.tenderpoint.clinicTimeZone)
    }
}
