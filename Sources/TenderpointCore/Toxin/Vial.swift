import Foundation

/// One vial of one product and lot, as prepared in the clinic. Each injection records its vial, so
/// a lot recall finds every patient.
///
/// A `Vial` can only be made valid (the initialiser checks it); whether it may be used at a given
/// moment is a separate question, answered by `problems(at:timeZone:)`.
public struct Vial: Hashable, Sendable {
    public let product: ToxinProduct
    /// Trimmed, never empty.
    public let lotNumber: String
    /// Usable through this date in the clinic's time zone.
    public let expiryDate: CalendarDate
    /// One of `product.vialSizes`.
    public let size: Units
    /// mL of preservative-free 0.9% saline added; nil for a solution, and for a powder still
    /// unopened in stock (the diluent is chosen when it is reconstituted).
    public let diluentMl: Decimal?
    /// When the powder was reconstituted; nil while it is not yet (and always for a solution).
    public let reconstitutedAt: Date?

    /// The most diluent a vial takes here; more would be a data-entry slip, not a dilution.
    public static let maximumDiluentMl: Decimal = 10
    /// The least: below it the concentration is absurd (1e-30 mL would list 10^31 U per 0.1 mL).
    public static let minimumDiluentMl: Decimal = Decimal(string: "0.2")!

    /// Checks every field and throws all problems together. Field names follow the API
    /// (`units` for the size).
    public init(product: ToxinProduct, lotNumber: String, expiryDate: CalendarDate, size: Units,
                diluentMl: Decimal?, reconstitutedAt: Date?) throws(Problems) {
        var problems: [Problem] = []
        if !product.vialSizes.contains(size) {
            let sizes = product.vialSizes.map(\.plain).joined(separator: ", ")
            problems.append(Problem(.valueOutOfRange,
                                    "\(product.rawValue) comes in vials of \(sizes) U, not \(size).", field: "units"))
        }
        let lot = lotNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        if lot.isEmpty {
            problems.append(Problem(.invalidValue, "The lot number is required.", field: "lotNumber"))
        }
        if product.isSolution {
            if diluentMl != nil {
                problems.append(Problem(.invalidValue,
                                        "\(product.rawValue) is a solution and takes no diluent.", field: "diluentMl"))
            }
            if reconstitutedAt != nil {
                problems.append(Problem(.invalidValue,
                                        "\(product.rawValue) is a solution and is not reconstituted.",
                                        field: "reconstitutedAt"))
            }
        } else if let diluentMl {
            if diluentMl < Vial.minimumDiluentMl || diluentMl > Vial.maximumDiluentMl {
                problems.append(Problem(.valueOutOfRange,
                                        "The diluent must be from \(Vial.minimumDiluentMl) mL to \(Vial.maximumDiluentMl) mL, not \(diluentMl) mL.",
                                        field: "diluentMl"))
            }
        } else if reconstitutedAt != nil {
            problems.append(Problem(.invalidValue,
                                    "\(product.rawValue) is a powder: the diluent volume is required once it is reconstituted.",
                                    field: "diluentMl"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        self.product = product
        self.lotNumber = lot
        self.expiryDate = expiryDate
        self.size = size
        self.diluentMl = diluentMl
        self.reconstitutedAt = reconstitutedAt
    }

    /// Concentration in units per mL: vial units ÷ diluent mL, or the solution's own.
    public var unitsPerMl: Decimal? {
        if let solution = product.solutionUnitsPerMl { return solution.decimal }
        guard let diluentMl, diluentMl > 0 else { return nil }
        return size.decimal / diluentMl
    }

    /// Concentration in units per 0.1 mL, the way syringes are read (100 U in 2.5 mL → 4).
    public var unitsPerTenthMl: Decimal? {
        if let solution = product.solutionUnitsPerMl { return solution.decimal / 10 }
        guard let diluentMl, diluentMl > 0 else { return nil }
        // Dividing once keeps terminating results exact (100 ÷ 80 = 1.25).
        return size.decimal / (diluentMl * 10)
    }

    /// The volume that holds `units`: units ÷ concentration (5 U at 40 U/mL → 0.125 mL).
    public func volumeMl(for units: Units) -> Decimal? {
        if let solution = product.solutionUnitsPerMl { return units.decimal / solution.decimal }
        guard let diluentMl, diluentMl > 0 else { return nil }
        // units × diluent ÷ size, multiplying first so the result is exact whenever it terminates.
        return units.decimal * diluentMl / size.decimal
    }

    /// The units in a volume; nil when they are not a whole number of tenths of a unit (a dose is
    /// never rounded silently).
    public func units(forVolumeMl volume: Decimal) -> Units? {
        guard volume >= 0 else { return nil }
        if let solution = product.solutionUnitsPerMl { return Units(exactly: volume * solution.decimal) }
        guard let diluentMl, diluentMl > 0 else { return nil }
        return Units(exactly: volume * size.decimal / diluentMl)
    }

    /// Everything that makes the vial unusable for an injection at `instant`, every problem at
    /// once: expired (usable through its expiry date in the clinic's time zone), a powder not
    /// reconstituted, reconstituted after the injection, or past the product's reconstituted-use
    /// period (exactly the period is still usable). The caller puts its own vial id in `field`.
    public func problems(at instant: Date, timeZone: TimeZone) -> [Problem] {
        var problems: [Problem] = []
        let day = CalendarDate(instant, in: timeZone)
        if isExpired(on: day) {
            problems.append(unusable("expired on \(expiryDate) (the injection is on \(day))"))
        }
        guard !product.isSolution else { return problems }
        guard let reconstitutedAt else {
            problems.append(unusable("has not been reconstituted"))
            return problems
        }
        if reconstitutedAt > instant {
            problems.append(unusable("was reconstituted at \(Vial.timestamp(reconstitutedAt)), "
                                     + "after the injection at \(Vial.timestamp(instant))"))
        } else if let seconds = product.reconstitutedUseSeconds,
                  instant.timeIntervalSince(reconstitutedAt) > TimeInterval(seconds) {
            problems.append(unusable("was reconstituted at \(Vial.timestamp(reconstitutedAt)), more than "
                                     + "\(seconds / 3600) h before the injection at \(Vial.timestamp(instant))"))
        }
        return problems
    }

    /// True after the expiry date: a vial is usable through its expiry date (clinic calendar).
    public func isExpired(on day: CalendarDate) -> Bool { day > expiryDate }

    private func unusable(_ reason: String) -> Problem {
        Problem(.vialUnusable, "Vial of \(product.rawValue), lot \(lotNumber), \(reason).", field: "vial")
    }

    static func timestamp(_ instant: Date) -> String {
        ISO8601DateFormatter().string(from: instant)
    }
}

extension Vial: Codable {
    private enum CodingKeys: String, CodingKey {
        case product, lotNumber, expiryDate, size = "units", diluentMl, reconstitutedAt
    }

    /// Decoding runs the same checks as the initialiser.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(product: container.decode(ToxinProduct.self, forKey: .product),
                          lotNumber: container.decode(String.self, forKey: .lotNumber),
                          expiryDate: container.decode(CalendarDate.self, forKey: .expiryDate),
                          size: container.decode(Units.self, forKey: .size),
                          diluentMl: container.decodeIfPresent(Decimal.self, forKey: .diluentMl),
                          reconstitutedAt: container.decodeIfPresent(Date.self, forKey: .reconstitutedAt))
        } catch let problems as Problems {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: problems.all.map(\.description).joined(separator: "; "),
                underlyingError: problems))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(product, forKey: .product)
        try container.encode(lotNumber, forKey: .lotNumber)
        try container.encode(expiryDate, forKey: .expiryDate)
        try container.encode(size, forKey: .size)
        try container.encodeIfPresent(diluentMl, forKey: .diluentMl)
        try container.encodeIfPresent(reconstitutedAt, forKey: .reconstitutedAt)
    }
}
