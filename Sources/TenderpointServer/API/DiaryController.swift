import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// The patient's pain diary: several entries a day, written by the patient or by clinical staff.
struct DiaryController: RouteCollection {
    static let defaultLimit = 1000
    static let maximumLimit = 5000

    func boot(routes: any RoutesBuilder) throws {
        let diary = routes.grouped("patients", ":patientID", "diary")
        diary.post(use: create)
        diary.get(use: list)
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        try await write(request: request).encodeResponse(status: .created, for: request)
    }

    /// The entry, checked and written with what its side effects report; the portal's form calls
    /// this too, and reads `reported` to tell the patient at once to call.
    @Sendable
    func write(request: Request) async throws -> DiaryEntryDTO {
        let patientID = try request.patientID()
        let user = try await request.authorize(.writeDiary, patient: patientID, resource: "DiaryEntry")
        let input = try request.content.decode(DiaryEntryInput.self)
        let zone = request.application.tenderpoint.clinicTimeZone
        let rules = try await ClinicSettingsStore.rules(on: request.db, timeZone: zone)
        let now = Date()
        let (entry, sideEffects) = try input.validated(now: now, maxDaysBack: rules.diaryMaxDaysBack, timeZone: zone)
        entry.$patient.id = patientID
        entry.$enteredBy.id = user.id
        let audit = request.auditEntry(.create, "DiaryEntry", id: entry.id, patient: patientID)
        // The entry and what its side effects report (adverse events, urgent alerts): one transaction.
        let written = try await request.db.writeTransaction(locking: [("patients", patientID)]) { database in
            guard try await PatientModel.find(patientID, on: database) != nil else { throw APIError.notFound("Patient \(patientID)") }
            try await entry.create(on: database)
            try await AuditLog.insert(audit, on: database)
            return try await PatientReportedEvents.record(sideEffects, entry: entry, patientID: patientID, user: user,
                                                          now: now, on: database)
        }
        if !written.alertIDs.isEmpty {
            // Operations see that an urgent report came in; the record itself stays out of the log.
            request.logger.warning("urgent patient report", metadata: ["alerts": .string("\(written.alertIDs.count)")])
        }
        var dto = try DiaryEntryDTO(entry, author: RecordAuthor(user))
        dto.reported = DiaryEntryDTO.Reported(written)
        return dto
    }

    /// `GET …/diary?from=YYYY-MM-DD&to=YYYY-MM-DD&limit=&offset=`: clinic calendar dates,
    /// both inclusive; oldest first, as a diary reads.
    @Sendable
    func list(request: Request) async throws -> Listing<DiaryEntryDTO> {
        let patientID = try request.patientID()
        try await request.authorize(.readDiary, patient: patientID, resource: "DiaryEntry")
        struct Query: Decodable {
            var from: String?
            var to: String?
            var limit: Int?
            var offset: Int?
        }
        let query = try request.query.decode(Query.self)
        var problems: [Problem] = []
        func date(_ text: String?, _ field: String) -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(iso: text) else {
                problems.append(Problem(.invalidDate, "\(field) must be a date YYYY-MM-DD.", field: field))
                return nil
            }
            return date
        }
        let from = date(query.from, "from")
        let to = date(query.to, "to")
        if let from, let to, from > to {
            problems.append(Problem(.invalidDate, "from (\(from)) is after to (\(to)).", field: "from"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        let (limit, offset) = try request.pageBounds(defaultLimit: Self.defaultLimit)

        guard try await PatientModel.find(patientID, on: request.db) != nil else { throw APIError.notFound("Patient \(patientID)") }
        let sql = request.db as! any SQLDatabase
        // Dates are stored as YYYY-MM-DD, so text order is calendar order.
        var filter = SQLQueryString("d.patient_id = \(bind: patientID)")
        if let from { filter += " AND d.date >= \(bind: from.iso)" }
        if let to { filter += " AND d.date <= \(bind: to.iso)" }
        struct Count: Decodable { let entries: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS entries FROM diary_entries d WHERE \(filter)")
            .first(decoding: Count.self)?.entries ?? 0
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: DiaryEntryDTO.Row.columns)
            FROM diary_entries d JOIN users u ON u.id = d.entered_by
            WHERE \(filter)
            ORDER BY d.recorded_at, d.id
            LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all(decoding: DiaryEntryDTO.Row.self)
        await request.auditRead("DiaryEntry", patient: patientID,
                                detail: "\(rows.count) of \(total) entries" + (from.map { " from \($0)" } ?? "") + (to.map { " to \($0)" } ?? ""))
        return Listing(items: try rows.map(DiaryEntryDTO.init), total: total, limit: limit, offset: offset)
    }
}
