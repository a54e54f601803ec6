import Foundation
import TenderpointCore
import Vapor

/// A vial as the API shows it. Concentrations and the volume are JSON numbers (`4`, `1.25`).
struct VialDTO: Content, Equatable {
    let id: UUID
    let product: ToxinProduct
    let lotNumber: String
    let expiryDate: CalendarDate
    let units: Units
    let diluentMl: Decimal?
    let reconstitutedAt: Date?
    let unitsPerMl: Decimal?
    let unitsPerTenthMl: Decimal?
    /// `unopened`, `inUse`, `finished`, `discarded` or `recalled` (core `VialState`).
    let state: VialState
    /// Past its expiry date (clinic calendar) now.
    let expired: Bool
    /// What is left: its units less every injection drawn from it (sessions not voided) and any
    /// units wasted when it was discarded.
    let remainingUnits: Units
    let wastedUnits: Units?
    /// When it was finished, discarded or recalled, and why.
    let closedAt: Date?
    let closeReason: String?
    /// The end of the reconstituted-use period; nil before reconstitution and for a solution.
    let usableUntil: Date?
    /// Whether an injection could be drawn from it now (core `VialStock.problems(at:)`, and
    /// something left in it).
    let usableNow: Bool
    /// Why it is not usable now, as the core words it.
    let problems: [String]
    let createdAt: Date?

    init(id: UUID, stock: VialStock, closeReason: String?, createdAt: Date?, now: Date, timeZone: TimeZone) {
        let vial = stock.vial
        self.id = id
        product = vial.product
        lotNumber = vial.lotNumber
        expiryDate = vial.expiryDate
        units = vial.size
        diluentMl = vial.diluentMl
        reconstitutedAt = vial.reconstitutedAt
        unitsPerMl = vial.unitsPerMl
        unitsPerTenthMl = vial.unitsPerTenthMl
        state = stock.state
        expired = vial.isExpired(on: CalendarDate(now, in: timeZone))
        remainingUnits = stock.remaining
        wastedUnits = stock.state == .discarded ? stock.wasted : nil
        closedAt = stock.closedAt
        self.closeReason = closeReason
        if let reconstitutedAt = vial.reconstitutedAt, let seconds = vial.product.reconstitutedUseSeconds {
            usableUntil = reconstitutedAt.addingTimeInterval(TimeInterval(seconds))
        } else {
            usableUntil = nil
        }
        var reasons = stock.problems(at: now, timeZone: timeZone).map(\.message)
        if stock.remaining <= .zero, !stock.state.isClosed { reasons.append("Nothing is left in the vial.") }
        problems = reasons
        usableNow = reasons.isEmpty
        self.createdAt = createdAt
    }

    init(_ model: VialModel, drawn: Units, now: Date, timeZone: TimeZone) throws {
        try self.init(id: model.requireID(), stock: model.coreStock(drawn: drawn), closeReason: model.closeReason,
                      createdAt: model.createdAt, now: now, timeZone: timeZone)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(product, forKey: .product)
        try container.encode(lotNumber, forKey: .lotNumber)
        try container.encode(expiryDate, forKey: .expiryDate)
        try container.encode(units, forKey: .units)
        try container.encodeNullable(diluentMl, forKey: .diluentMl)
        try container.encodeNullable(reconstitutedAt, forKey: .reconstitutedAt)
        try container.encodeNullable(unitsPerMl, forKey: .unitsPerMl)
        try container.encodeNullable(unitsPerTenthMl, forKey: .unitsPerTenthMl)
        try container.encode(state, forKey: .state)
        try container.encode(expired, forKey: .expired)
        try container.encode(remainingUnits, forKey: .remainingUnits)
        try container.encodeNullable(wastedUnits, forKey: .wastedUnits)
        try container.encodeNullable(closedAt, forKey: .closedAt)
        try container.encodeNullable(closeReason, forKey: .closeReason)
        try container.encodeNullable(usableUntil, forKey: .usableUntil)
        try container.encode(usableNow, forKey: .usableNow)
        try container.encode(problems, forKey: .problems)
        try container.encodeNullable(createdAt, forKey: .createdAt)
    }
}

/// `POST /api/vials`. Strings rather than enums so an unknown product or a malformed date is a
/// 422 naming its field with the contract's code, not a generic decoding error.
struct VialInput: Content {
    var product: String
    var lotNumber: String
    var expiryDate: String
    var units: Units
    var diluentMl: Decimal?
    var reconstitutedAt: Date?

    /// The vial as the core accepts it, every problem at once.
    func validated(now: Date) throws -> Vial {
        var problems: [Problem] = []
        let product = ToxinProduct(rawValue: product)
        if product == nil {
            problems.append(Problem(.unknownIdentifier,
                                    "product must be one of \(ToxinProduct.allCases.map(\.rawValue).joined(separator: ", ")).",
                                    field: "product"))
        }
        let expiry = CalendarDate(iso: expiryDate)
        if expiry == nil {
            problems.append(Problem(.invalidDate, "expiryDate must be a date YYYY-MM-DD.", field: "expiryDate"))
        }
        if let problem = VialInput.futureReconstitution(reconstitutedAt, now: now) { problems.append(problem) }
        guard let product, let expiry else { throw Problems(problems) }
        let vial: Vial
        do throws(Problems) {
            vial = try Vial(product: product, lotNumber: lotNumber, expiryDate: expiry, size: units,
                            diluentMl: diluentMl, reconstitutedAt: reconstitutedAt)
        } catch {
            throw Problems(error.all + problems)
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return vial
    }

    /// A reconstitution time ahead of the clock is a slip (a wrong date or zone); a few minutes
    /// of clock difference between devices is tolerated.
    static func futureReconstitution(_ instant: Date?, now: Date) -> Problem? {
        guard let instant, instant > now.addingTimeInterval(5 * 60) else { return nil }
        return Problem(.invalidDate, "reconstitutedAt is in the future.", field: "reconstitutedAt")
    }
}

/// `POST /api/vials/{id}/reconstitute`.
struct ReconstitutionInput: Content {
    var diluentMl: Decimal
    var reconstitutedAt: Date?
}

/// `PATCH /api/vials/{id}`: close a vial.
struct VialStateInput: Content {
    var state: String
    var reason: String?
    var wastedUnits: Units?
}

/// `POST /api/vials/{id}/discard`.
struct VialDiscardInput: Content {
    var reason: String
    var wastedUnits: Units?
}

/// `POST /api/vials/recall`.
struct LotRecallInput: Content {
    var lot: String
    var reason: String
}

/// `GET /api/vials/recall?lot=`: every patient who received the lot, and the lot's vials.
struct LotRecallDTO: Content {
    struct Patient: Content, Equatable {
        let id: UUID
        let name: String
        let sessions: [Session]
    }

    struct Session: Content, Equatable {
        let id: UUID
        let date: CalendarDate
        let product: ToxinProduct
        /// Units drawn from vials of this lot in the session.
        let units: Units
        /// The session's whole dose (it may have used other lots too).
        let totalUnits: Units
    }

    struct RecalledVial: Content, Equatable {
        let id: UUID
        let product: ToxinProduct
        let lotNumber: String
        let expiryDate: CalendarDate
        let state: VialState
    }

    let lot: String
    /// The reason given, on `POST /api/vials/recall`; null on the look-up.
    let reason: String?
    let vials: [RecalledVial]
    let patients: [Patient]
    let patientCount: Int
    let sessionCount: Int
}

extension VialModel {
    var vialState: VialState { VialState(rawValue: state) ?? .unopened }

    /// The stored vial as the core's stock, with the units drawn from it.
    func coreStock(drawn: Units) throws -> VialStock {
        VialStock(vial: try coreVial(), state: vialState, closedAt: closedAt, drawn: drawn,
                  wasted: Units(tenths: wastedUnitsTenths ?? 0))
    }

    /// The stored vial as the core sees it; stored vials were checked when written, so a failure
    /// here is damage and becomes a 500.
    func coreVial() throws -> Vial {
        guard let product = ToxinProduct(rawValue: product), let expiry = CalendarDate(iso: expiryDate) else {
            throw Abort(.internalServerError, reason: "stored vial cannot be read")
        }
        return try Vial(product: product, lotNumber: lotNumber, expiryDate: expiry, size: Units(tenths: unitsTenths),
                        diluentMl: diluentMl.flatMap { Decimal(string: $0) }, reconstitutedAt: reconstitutedAt)
    }

    func apply(_ vial: Vial) {
        product = vial.product.rawValue
        lotNumber = vial.lotNumber
        expiryDate = vial.expiryDate.iso
        unitsTenths = vial.size.tenths
        diluentMl = vial.diluentMl.map { "\($0)" }
        reconstitutedAt = vial.reconstitutedAt
    }
}

extension KeyedEncodingContainer {
    /// Writes `null` for nil, where the synthesized `encodeIfPresent` would leave the key out:
    /// the API shows absent values as explicit nulls.
    mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
