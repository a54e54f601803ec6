/// An amount of one product's units. The only way to add units, and it refuses to mix products.
public struct ProductDose: Hashable, Codable, Sendable, CustomStringConvertible {
    public let product: ToxinProduct
    public let units: Units

    public init(product: ToxinProduct, units: Units) {
        self.product = product
        self.units = units
    }

    /// The sum of two doses of the same product; different products throw `mixedProducts`,
    /// because units of different products measure different things.
    public func adding(_ other: ProductDose) throws(Problem) -> ProductDose {
        guard other.product == product else {
            throw Problem(.mixedProducts,
                          "Cannot add \(other.units) of \(other.product.rawValue) to \(units) of \(product.rawValue): "
                          + "units of different products are never added or converted.")
        }
        return ProductDose(product: product, units: units + other.units)
    }

    /// The sum of doses of one product; nil for no doses, `mixedProducts` when products differ.
    public static func total(_ doses: [ProductDose]) throws(Problem) -> ProductDose? {
        guard var sum = doses.first else { return nil }
        for dose in doses.dropFirst() { sum = try sum.adding(dose) }
        return sum
    }

    public var description: String { "\(units) of \(product.rawValue)" }
}
