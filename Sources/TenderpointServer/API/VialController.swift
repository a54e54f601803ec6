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
        vials.get(":vialID", use: read)
        vials.post(":vialID", "reconstitute", use: reconstitute)
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
        return try await VialDTO(model, now: now, timeZone: request.application.tenderpoint.clinicTimeZone).encodeResponse(status: .created, for: request)
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
        let limit = min(max(query.limit ?? 100, 1), 500)
        let offset = max(query.offset ?? 0, 0)
        let now = Date()
        let zone = request.application.tenderpoint.clinicTimeZone
        let sql = request.db as! any SQLDatabase
        var select = sql.select().columns("id", "product", "lot_number", "expiry_date", "units_tenths", "diluent_ml",
                                          "reconstituted_at", "state", "created_at")
            .from(VialModel.schema)
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
        let rows = try await select.orderBy("created_at", .descending).all(decoding: VialRow.self)
        var items = try rows.map { try $0.dto(now: now, timeZone: zone) }
        if query.usable == true { items = items.filter(\.usableNow) }
        let page = Array(items.dropFirst(offset).prefix(limit))
        return Listing(items: page, total: items.count, limit: limit, offset: offset)
    }

    @Sendable
    func read(request: Request) async throws -> VialDTO {
        try await request.authorize(.readStock, resource: "Vial")
        let model = try await Self.find(request, on: request.db)
        return try VialDTO(model, now: Date(), timeZone: request.application.tenderpoint.clinicTimeZone)
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
        let model = try await request.db.writeTransaction { database in
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
            return model
        }
        return try VialDTO(model, now: now, timeZone: request.application.tenderpoint.clinicTimeZone)
    }

    /// `PATCH /api/vials/{id}` `{"state":"finished"|"discarded"}`: a closed vial stays closed.
    @Sendable
    func close(request: Request) async throws -> VialDTO {
        try await request.authorize(.writeStock, resource: "Vial")
        let id = try request.uuidParameter("vialID", what: "Vial")
        let input = try request.content.decode(VialStateInput.self)
        guard let state = VialState(rawValue: input.state), state.isClosed else {
            throw APIError.invalid("state", "state must be finished or discarded.", code: .unknownIdentifier)
        }
        let entry = request.auditEntry(.update, "Vial", id: id, patient: nil, detail: state.rawValue)
        let model = try await request.db.writeTransaction { database in
            let model = try await Self.find(id, on: database)
            if model.vialState == state { return model }
            guard !model.vialState.isClosed else {
                throw APIError(.conflict, code: "invalid_state", message: "The vial is already \(model.vialState.rawValue).",
                               field: "state")
            }
            model.state = state.rawValue
            try await model.save(on: database)
            try await AuditLog.insert(entry, on: database)
            return model
        }
        return try VialDTO(model, now: Date(), timeZone: request.application.tenderpoint.clinicTimeZone)
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
        return LotRecallDTO(lot: lot, vials: vials.map(\.dto), patients: patients, patientCount: patients.count,
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

/// A `vials` row as SQLKit reads it (column names as stored).
private struct VialRow: Decodable {
    let id: UUID
    let product: String
    let lot_number: String
    let expiry_date: String
    let units_tenths: Int
    let diluent_ml: String?
    let reconstituted_at: Date?
    let state: String
    let created_at: Date?

    func dto(now: Date, timeZone: TimeZone) throws -> VialDTO {
        let model = VialModel()
        model.id = id
        model.product = product
        model.lotNumber = lot_number
        model.expiryDate = expiry_date
        model.unitsTenths = units_tenths
        model.diluentMl = diluent_ml
        model.reconstitutedAt = reconstituted_at
        model.state = state
        return try VialDTO(id: id, vial: model.coreVial(), state: model.vialState, createdAt: created_at, now: now, timeZone: timeZone)
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
