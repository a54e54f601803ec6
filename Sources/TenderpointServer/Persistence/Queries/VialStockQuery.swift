import Fluent
import Foundation
import SQLKit
import TenderpointCore

/// Vials with what has been drawn from them, as the core's `VialStock`: the units of every
/// injection that names the vial, in sessions that are not voided, for every patient.
enum VialStockQuery {
    struct Row: Decodable {
        let id: UUID
        let product: String
        let lot_number: String
        let expiry_date: String
        let units_tenths: Int
        let diluent_ml: String?
        let reconstituted_at: Date?
        let state: String
        let closed_at: Date?
        let wasted_units_tenths: Int?
        let drawn_tenths: Int
    }

    /// The select of vials with their drawn units; the caller adds the filter.
    static let selectSQL = """
        SELECT v.id, v.product, v.lot_number, v.expiry_date, v.units_tenths, v.diluent_ml, v.reconstituted_at,
               v.state, v.closed_at, v.wasted_units_tenths,
               CAST(COALESCE((SELECT SUM(i.units_tenths) FROM injections i
                              JOIN treatment_sessions s ON s.id = i.session_id
                              WHERE i.vial_id = v.id AND s.voided_at IS NULL), 0) AS BIGINT) AS drawn_tenths
        FROM vials v
        """

    /// The vials named (by id text, as a chart names them), keyed by that text; unknown or
    /// malformed ids are left out (the core reports them).
    static func stocks(named references: [String], on database: any Database) async throws -> [String: (id: UUID, stock: VialStock)] {
        let ids = Array(Set(references.compactMap { UUID(uuidString: $0) }))
        guard !ids.isEmpty else { return [:] }
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("\(unsafeRaw: selectSQL) WHERE v.id IN (\(binds: ids))").all(decoding: Row.self)
        var byID: [UUID: VialStock] = [:]
        for row in rows { byID[row.id] = try row.stock() }
        var result: [String: (id: UUID, stock: VialStock)] = [:]
        for reference in references {
            if let id = UUID(uuidString: reference), let stock = byID[id] { result[reference] = (id, stock) }
        }
        return result
    }

    /// One vial with its drawn units; nil when there is none of that id.
    static func stock(id: UUID, on database: any Database) async throws -> VialStock? {
        let sql = database as! any SQLDatabase
        return try await sql.raw("\(unsafeRaw: selectSQL) WHERE v.id = \(bind: id)").first(decoding: Row.self)?.stock()
    }

    /// The units drawn from each of `ids` (zero for a vial never used).
    static func drawn(ids: [UUID], on database: any Database) async throws -> [UUID: Units] {
        guard !ids.isEmpty else { return [:] }
        let sql = database as! any SQLDatabase
        struct Drawn: Decodable { let vial_id: UUID; let drawn_tenths: Int }
        let rows = try await sql.raw("""
            SELECT i.vial_id, CAST(SUM(i.units_tenths) AS BIGINT) AS drawn_tenths
            FROM injections i JOIN treatment_sessions s ON s.id = i.session_id
            WHERE s.voided_at IS NULL AND i.vial_id IN (\(binds: ids))
            GROUP BY i.vial_id
            """).all(decoding: Drawn.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.vial_id, Units(tenths: $0.drawn_tenths)) })
    }
}

extension VialStockQuery.Row {
    /// Stored vials were checked when written, so one that does not read is damage (a 500).
    func stock() throws -> VialStock {
        let model = VialModel()
        model.id = id
        model.product = product
        model.lotNumber = lot_number
        model.expiryDate = expiry_date
        model.unitsTenths = units_tenths
        model.diluentMl = diluent_ml
        model.reconstitutedAt = reconstituted_at
        model.state = state
        model.closedAt = closed_at
        model.wastedUnitsTenths = wasted_units_tenths
        return try model.coreStock(drawn: Units(tenths: drawn_tenths))
    }
}
