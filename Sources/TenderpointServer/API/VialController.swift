import Fluent
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// The clinic's toxin stock: record vials, reconstitute them, close them, and recall a lot.
/// Every check of a vial (sizes, diluent, expiry, in-use period) is the core `Vial`'s.
struct VialController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let vials = routes.grouped("vials")
        vials.post(use: create)
        vials.get(use: list)
        vials.get("recall", use: recall)
        vials.post("recall", use: executeRecall)
        vials.get(":vialID", use: read)
        vials.post(":vialID", "reconstitute", use: reconstitute)
        vials.post(":vialID", "discard", use: discard)
        vials.patch(":vialID", use: close)
    }

    @Sendable
    func create(request: Request) async throws -> Response {
        try await request.authorize(.writeStock, resource: "Vial")
        let input = try request.content.decode(VialInput.self)
        let now = Date()
        let vial = try input.validated(now: now)
        let model = VialModel()
        model.id = UUID()
        model.apply(vial)
        // A vial recorded already reconstituted has been opened.
        model.state = (vial.reconstitutedAt != nil ? VialState.inUse : .unopened).rawValue
        let entry = request.auditEntry(.create, "Vial", id: model.id, patient: nil, detail: "lot \(vial.lotNumber)")
        try await request.db.writeTransaction { database in
            try await model.create(on: database)
            try await AuditLog.insert(entry, on: database)
        }
        return try await VialDTO(model, drawn: .zero, now: now, timeZone: request.application.tenderpoint.clinicTimeZone)
            .encodeResponse(status: .created, for: request)
    }

    /// `GET /api/vials?usable=true&product=&lot=&state=&limit=&offset=`, newest first.
    @Sendable
    func list(request: Request) async throws -> Listing<VialDTO> {
        try await request.authorize(.readStock, resource: "Vial")
        struct Query: Decodable {
            var usable: Bool?
            var product: String?
            var lot: String?
            var state: String?
            var limit: Int?
            var offset: Int?
        }
        let query = try request.query.decode(Query.self)
        let (limit, offset) = try request.pageBounds(defaultLimit: 100)
        let now = Date()
        let zone = request.application.tenderpoint.clinicTimeZone
        let sql = request.db as! any SQLDatabase
        var select = sql.select().column("id").from(VialModel.schema)
        if let text = query.product {
            guard let product = ToxinProduct(rawValue: text) else {
                throw APIError.invalid("product", "product must be one of \(ToxinProduct.allCases.map(\.rawValue).joined(separator: ", ")).",
                                       code: .unknownIdentifier)
            }
            select = select.where("product", .equal, product.rawValue)
        }
        if let lot = query.lot?.trimmingCharacters(in: .whitespacesAndNewlines), !lot.isEmpty {
            select = select.where(SQLFunction("LOWER", args: SQLIdentifier("lot_number")), .equal, SQLBind(lot.lowercased()))
        }
        if let text = query.state {
            guard let state = VialState(rawValue: text) else {
                throw APIError.invalid("state", "state must be one of \(VialState.allCases.map(\.rawValue).joined(separator: ", ")).",
                                       code: .unknownIdentifier)
            }
            select = select.where("state", .equal, state.rawValue)
        }
        if query.usable == true {
            // Narrow in SQL to open, unexpired vials; the core decides the rest (reconstitution, in-use period).
            select = select.where("state", .in, [VialState.unopened.rawValue, VialState.inUse.rawValue])
                .where("expiry_date", .greaterThanOrEqual, CalendarDate(now, in: zone).iso)
        }
        struct IDRow: Decodable { let id: UUID }
        let ids = try await select.orderBy("created_at", .descending).orderBy("id").all(decoding: IDRow.self).map(\.id)
        var items = try await Self.dtos(ids, now: now, timeZone: zone, on: request.db)
        if query.usable == true { items = items.filter(\.usableNow) }
        let page = Array(items.dropFirst(offset).prefix(limit))
        return Listing(items: page, total: items.count, limit: limit, offset: offset)
    }

    @Sendable
    func read(request: Request) async throws -> VialDTO {
        try await request.authorize(.readStock, resource: "Vial")
        let id = try request.uuidParameter("vialID", what: "Vial")
        return try await Self.dto(id, now: Date(), request: request, on: request.db)
    }

    /// The vials of `ids` with their drawn units, in that order.
    static func dtos(_ ids: [UUID], now: Date, timeZone: TimeZone, on database: any Database) async throws -> [VialDTO] {
        var result: [VialDTO] = []
        // Chunks keep the IN list within every database's limit on bound parameters.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let models = try await VialModel.query(on: database).filter(\.$id ~~ chunk).all()
            let drawn = try await VialStockQuery.drawn(ids: chunk, on: database)
            var byID: [UUID: VialModel] = [:]
            for model in models { if let id = model.id { byID[id] = model } }
            for id in chunk {
                guard let model = byID[id] else { continue }
                result.append(try VialDTO(model, drawn: drawn[id] ?? .zero, now: now, timeZone: timeZone))
            }
        }
        return result
    }

    static func dto(_ id: UUID, now: Date, request: Request, on database: any Database) async throws -> VialDTO {
        guard let dto = try await dtos([id], now: now, timeZone: request.application.tenderpoint.clinicTimeZone, on: database).first else {
            throw APIError.notFound("Vial \(id)")
        }
        return dto
    }

    /// Records the diluent and the time of reconstitution of an unopened powder; it is then in use.
    @Sendable
    func reconstitute(request: Request) async throws -> VialDTO {
        try await request.authorize(.writeStock, resource: "Vial")
        let id = try request.uuidParameter("vialID", what: "Vial")
        let input = try request.content.decode(ReconstitutionInput.self)
        let now = Date()
        let reconstitutedAt = input.reconstitutedAt ?? now
        if let problem = VialInput.futureReconstitution(reconstitutedAt, now: now) { throw problem }
        let entry = request.auditEntry(.update, "Vial", id: id, patient: nil, detail: "reconstituted")
        try await request.db.writeTransaction(locking: [("vials", id)]) { database in
            let model = try await Self.find(id, on: database)
            let current = try model.coreVial()
            guard model.vialState == .unopened, current.reconstitutedAt == nil else {
                throw APIError(.conflict, code: "invalid_state",
                               message: "Only an unopened vial can be reconstituted; this one is \(model.vialState.rawValue)"
                                   + (current.reconstitutedAt != nil ? " and was reconstituted already." : "."),
                               field: "state")
            }
            let vial = try Vial(product: current.product, lotNumber: current.lotNumber, expiryDate: current.expiryDate,
                                size: current.size, diluentMl: input.diluentMl, reconstitutedAt: reconstitutedAt)
            model.apply(vial)
            model.state = VialState.inUse.rawValue
            try await model.save(on: database)
            try await AuditLog.insert(entry, on: database)
        }
        return try await Self.dto(id, now: now, request: request, on: request.db)
    }

    /// `POST /api/vials/{id}/discard` `{"reason","wastedUnits"?}`: an open vial ends as discarded,
    /// with what was wasted (all that is left when not given); the core checks it.
    @Sendable
    func discard(request: Request) async throws -> VialDTO {
        try await request.authorize(.writeStock, resource: "Vial")
        let id = try request.uuidParameter("vialID", what: "Vial")
        let input = try request.content.decode(VialDiscardInput.self)
        let now = Date()
        try await Self.close(id, as: .discarded, reason: input.reason, wastedUnits: input.wastedUnits, now: now,
                             request: request)
        return try await Self.dto(id, now: now, request: request, on: request.db)
    }

    /// Finishes or discards a vial in one transaction, through the core's state and discard rules.
    static func close(_ id: UUID, as state: VialState, reason: String?, wastedUnits: Units?, now: Date,
                      request: Request) async throws {
        let entry = request.auditEntry(.update, "Vial", id: id, patient: nil, detail: state.rawValue)
        try await request.db.writeTransaction(locking: [("vials", id)]) { database in
            let model = try await Self.find(id, on: database)
            guard let stock = try await VialStockQuery.stock(id: id, on: database) else { throw APIError.notFound("Vial \(id)") }
            if let problem = stock.state.problem(movingTo: state) {
                throw APIError(.conflict, code: "invalid_state", message: problem.message, field: "state")
            }
            var wasted: Units?
            var closeReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            if state == .discarded {
                wasted = try stock.discard(reason: reason ?? "", wastedUnits: wastedUnits)
            } else if closeReason?.isEmpty == true {
                closeReason = nil
            }
            model.state = state.rawValue
            model.closedAt = now
            model.closeReason = closeReason.map { String($0.prefix(VialStock.maximumReasonLength)) }
            model.wastedUnitsTenths = wasted?.tenths
            try await model.save(on: database)
            try await AuditLog.insert(entry, on: database)
        }
    }

    /// `PATCH /api/vials/{id}` `{"state":"finished"|"discarded","reason"?,"wastedUnits"?}`: a
    /// closed vial stays closed; a discard needs its reason (as `POST …/discard`).
    @Sendable
    func close(request: Request) async throws -> VialDTO {
        try await request.authorize(.writeStock, resource: "Vial")
        let id = try request.uuidParameter("vialID", what: "Vial")
        let input = try request.content.decode(VialStateInput.self)
        guard let state = VialState(rawValue: input.state), state == .finished || state == .discarded else {
            throw APIError.invalid("state", "state must be finished or discarded (a lot is recalled with POST /api/vials/recall).",
                                   code: .unknownIdentifier)
        }
        let now = Date()
        let current = try await Self.find(id, on: request.db)
        if current.vialState != state {
            try await Self.close(id, as: state, reason: input.reason, wastedUnits: input.wastedUnits, now: now, request: request)
        }
        return try await Self.dto(id, now: now, request: request, on: request.db)
    }

    /// `POST /api/vials/recall` `{"lot","reason"}` (admin, clinician): every vial of the lot
    /// becomes `recalled` at once, in one transaction, and can never be used again; the answer
    /// lists every patient and session that received the lot, as the look-up does.
    @Sendable
    func executeRecall(request: Request) async throws -> LotRecallDTO {
        try await request.authorize(.executeRecall, resource: "Vial")
        let input = try request.content.decode(LotRecallInput.self)
        let lot = input.lot.trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [Problem] = []
        if lot.isEmpty || lot.count > 100 { problems.append(Problem(.invalidValue, "lot is required (at most 100 characters).", field: "lot")) }
        if reason.isEmpty || reason.count > VialStock.maximumReasonLength {
            problems.append(Problem(.invalidValue, "reason is required (at most \(VialStock.maximumReasonLength) characters).", field: "reason"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        let key = lot.lowercased()
        let sql = request.db as! any SQLDatabase
        struct IDRow: Decodable { let id: UUID }
        let ids = try await sql.select().column("id").from(VialModel.schema)
            .where(SQLFunction("LOWER", args: SQLIdentifier("lot_number")), .equal, SQLBind(key))
            .all(decoding: IDRow.self).map(\.id).sorted { $0.uuidString < $1.uuidString }
        guard !ids.isEmpty else { throw APIError.notFound("Lot \(lot)") }
        let now = Date()
        let entry = request.auditEntry(.update, "Vial", id: nil, patient: nil, detail: "lot recall: \(ids.count) vials")
        try await request.db.writeTransaction(locking: ids.map { ("vials", $0) }) { database in
            let models = try await VialModel.query(on: database).filter(\.$id ~~ ids).all()
            for model in models where model.vialState != .recalled {
                model.state = VialState.recalled.rawValue
                model.closedAt = model.closedAt ?? now
                model.closeReason = String(reason.prefix(VialStock.maximumReasonLength))
                try await model.save(on: database)
            }
            try await AuditLog.insert(entry, on: database)
        }
        let found = try await Self.lotRecall(lot, request: request)
        return LotRecallDTO(lot: found.lot, reason: reason, vials: found.vials, patients: found.patients,
                            patientCount: found.patientCount, sessionCount: found.sessionCount)
    }

    /// `GET /api/vials/recall?lot=LOT`: every patient and session that received the lot, through
    /// the injections that record their vial. Matching ignores case and surrounding spaces, so a
    /// lot typed "c1234" on one vial and "C1234" on another is found as one (a recall must not miss).
    @Sendable
    func recall(request: Request) async throws -> LotRecallDTO {
        try await request.authorize(.recallLot, resource: "Vial")
        struct Query: Decodable { var lot: String? }
        let lot = (try request.query.decode(Query.self).lot ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !lot.isEmpty else { throw APIError.invalid("lot", "lot is required.") }
        return try await Self.lotRecall(lot, request: request)
    }

    /// Every vial of the lot and every patient and session that received it.
    static func lotRecall(_ lot: String, request: Request) async throws -> LotRecallDTO {
        let sql = request.db as! any SQLDatabase
        let key = lot.lowercased()

        let vials = try await sql.select()
            .columns("id", "product", "lot_number", "expiry_date", "state")
            .from(VialModel.schema)
            .where(SQLFunction("LOWER", args: SQLIdentifier("lot_number")), .equal, SQLBind(key))
            .orderBy("created_at")
            .all(decoding: RecalledVialRow.self)

        // PostgreSQL sums a BIGINT as NUMERIC: the cast keeps the sum an integer on both databases.
        let rows = try await sql.raw("""
            SELECT p.id AS patient_id, p.given_name, p.family_name,
                   s.id AS session_id, s.date AS session_date, s.product, s.total_units_tenths,
                   CAST(SUM(i.units_tenths) AS BIGINT) AS lot_units_tenths
            FROM injections i
            JOIN vials v ON v.id = i.vial_id
            JOIN treatment_sessions s ON s.id = i.session_id
            JOIN patients p ON p.id = s.patient_id
            WHERE LOWER(v.lot_number) = \(bind: key)
            GROUP BY p.id, p.given_name, p.family_name, s.id, s.date, s.product, s.total_units_tenths
            ORDER BY p.family_name, p.given_name, p.id, s.date
            """).all(decoding: RecallRow.self, keyDecodingStrategy: .convertFromSnakeCase)

        var patients: [LotRecallDTO.Patient] = []
        for row in rows {
            let session = LotRecallDTO.Session(id: row.sessionId, date: CalendarDate(iso: row.sessionDate) ?? CalendarDate(daysSinceEpoch: 0),
                                               product: ToxinProduct(rawValue: row.product) ?? .onabotulinumtoxinA,
                                               units: Units(tenths: row.lotUnitsTenths), totalUnits: Units(tenths: row.totalUnitsTenths))
            if let last = patients.last, last.id == row.patientId {
                patients[patients.count - 1] = LotRecallDTO.Patient(id: last.id, name: last.name, sessions: last.sessions + [session])
            } else {
                patients.append(LotRecallDTO.Patient(id: row.patientId, name: "\(row.givenName) \(row.familyName)", sessions: [session]))
            }
        }
        // A recall list names patients: each one's record was read, for the export it feeds.
        for patient in patients {
            await request.auditRead("LotRecall", id: lot, patient: patient.id, action: .export,
                                    detail: "lot recall: \(patient.sessions.count) sessions")
        }
        return LotRecallDTO(lot: lot, reason: nil, vials: vials.map(\.dto), patients: patients, patientCount: patients.count,
                            sessionCount: patients.reduce(0) { $0 + $1.sessions.count })
    }

    static func find(_ request: Request, on database: any Database) async throws -> VialModel {
        try await find(request.uuidParameter("vialID", what: "Vial"), on: database)
    }

    static func find(_ id: UUID, on database: any Database) async throws -> VialModel {
        guard let model = try await VialModel.find(id, on: database) else { throw APIError.notFound("Vial \(id)") }
        return model
    }
}

private struct RecalledVialRow: Decodable {
    let id: UUID
    let product: String
    let lot_number: String
    let expiry_date: String
    let state: String

    var dto: LotRecallDTO.RecalledVial {
        LotRecallDTO.RecalledVial(id: id, product: ToxinProduct(rawValue: product) ?? .onabotulinumtoxinA, lotNumber: lot_number,
                                  expiryDate: CalendarDate(iso: expiry_date) ?? CalendarDate(daysSinceEpoch: 0),
                                  state: VialState(rawValue: state) ?? .unopened)
    }
}

private struct RecallRow: Decodable {
    let patientId: UUID
    let givenName: String
    let familyName: String
    let sessionId: UUID
    let sessionDate: String
    let product: String
    let totalUnitsTenths: Int
    let lotUnitsTenths: Int
}
