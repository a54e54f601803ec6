import Fluent
import Foundation
import TenderpointCore
import Vapor

/// Written consent for a course of treatment: record, list, withdraw. A session relies on a
/// consent that covers its date (the sessions API asks the core with `ConsentRecord`).
struct ConsentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let consents = routes.grouped("patients", ":patientID", "consents")
        consents.post(use: create)
        consents.get(use: list)
        consents.post(":consentID", "withdraw", use: withdraw)
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        let patientID = try request.patientID()
        let user = try await request.authorize(.writeClinical, patient: patientID, resource: "Consent")
        let input = try request.content.decode(ConsentInput.self)
        let (record, signedBy) = try input.validated(today: request.clinicToday)
        let consent = ConsentModel()
        consent.id = UUID()
        consent.$patient.id = patientID
        consent.date = record.date.iso
        consent.informationVersion = record.informationVersion
        consent.setProducts(record.products)
        consent.$recorder.id = user.id
        let entry = request.auditEntry(.create, "Consent", id: consent.id, patient: patientID)
        let validity = try await Self.validityMonths(request)
        try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            let patient = try await PatientModel.find(patientID, on: database)
            guard let patient else { throw APIError.notFound("Patient \(patientID)") }
            // Without a named signer the patient signed for themselves.
            consent.signedBy = signedBy ?? "\(patient.givenName) \(patient.familyName)"
            try await consent.create(on: database)
            try await AuditLog.insert(entry, on: database)
        }
        return try await ConsentDTO(consent, validityMonths: validity).encodeResponse(status: .created, for: request)
    }

    /// Every consent, newest first: a patient has one per course, so no paging.
    @Sendable
    func list(request: Request) async throws -> Listing<ConsentDTO> {
        let patientID = try request.patientID()
        try await request.authorize(.readClinical, patient: patientID, resource: "Consent")
        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        let consents = try await ConsentModel.query(on: request.db).filter(\.$patient.$id == patientID)
            .sort(\.$date, .descending).sort(\.$createdAt, .descending).all()
        await request.auditRead("Consent", patient: patientID, detail: "\(consents.count) consents")
        let validity = try await Self.validityMonths(request)
        let items = try consents.map { try ConsentDTO($0, validityMonths: validity) }
        return Listing(items: items, total: items.count, limit: items.count, offset: 0)
    }

    /// Records the date the patient withdrew. A withdrawal is never undone: the patient gives a
    /// new consent instead, so the history stays readable.
    @Sendable
    func withdraw(request: Request) async throws -> ConsentDTO {
        let patientID = try request.patientID()
        let consentID = try request.uuidParameter("consentID", what: "Consent")
        try await request.authorize(.writeClinical, patient: patientID, resource: "Consent")
        let input = try request.content.decode(ConsentWithdrawal.self)
        let today = request.clinicToday
        let entry = request.auditEntry(.update, "Consent", id: consentID, patient: patientID, detail: "withdrawn")
        let validity = try await Self.validityMonths(request)
        return try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            let consent = try await ConsentModel.query(on: database).filter(\.$id == consentID)
                .filter(\.$patient.$id == patientID).first()
            guard let consent else { throw APIError.notFound("Consent \(consentID)") }
            if let withdrawnOn = consent.withdrawnOn {
                throw APIError(.conflict, code: "already_withdrawn",
                               message: "This consent was already withdrawn on \(withdrawnOn).", field: "date")
            }
            guard let stored = consent.coreRecord else {
                throw Abort(.internalServerError, reason: "a stored consent cannot be read")
            }
            let record = try input.validated(for: stored, today: today)
            consent.withdrawnOn = record.withdrawnOn?.iso
            try await consent.save(on: database)
            try await AuditLog.insert(entry, on: database)
            return try ConsentDTO(consent, validityMonths: validity)
        }
    }

    /// How long a consent stays in force, from the clinic's settings.
    static func validityMonths(_ request: Request) async throws -> Int {
        try await ClinicSettingsStore.rules(on: request.db, timeZone: request.application.tenderpoint.clinicTimeZone)
            .consentValidityMonths
    }
}
