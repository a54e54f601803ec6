/// The clinic's dose-limit settings: its own limits per product, which take the place of the
/// product defaults. Only an admin changes them, and every change is returned for the audit.
public struct ClinicDoseLimits: Hashable, Codable, Sendable {
    public private(set) var overrides: [ToxinProduct: DoseLimits]

    /// Restores saved settings as they are (they were checked when they were set).
    public init(overrides: [ToxinProduct: DoseLimits] = [:]) {
        self.overrides = overrides
    }

    /// The limits in force: the clinic's, else the product default; nil means the product cannot
    /// be charted until the clinic sets limits.
    public func limits(for product: ToxinProduct) -> DoseLimits? {
        overrides[product] ?? product.defaultLimits
    }

    /// Sets the clinic's limits for a product. Any change needs an admin (`overrideNotPermitted`
    /// otherwise); limits must be positive and coherent (`valueOutOfRange`). A value above the
    /// product default, or any limit for a product without a default, is allowed but flagged in
    /// the returned change.
    @discardableResult
    public mutating func set(_ limits: DoseLimits, for product: ToxinProduct, by role: Role) throws(Problem) -> DoseLimitChange {
        try ClinicDoseLimits.requireAdmin(role, product)
        if let problem = limits.problems.first { throw problem }
        let old = self.limits(for: product)
        overrides[product] = limits
        let raised = product.defaultLimits.map { limits.exceedsAny(of: $0) } ?? true
        return DoseLimitChange(product: product, old: old, new: limits, role: role, raisedAboveDefault: raised)
    }

    /// Removes the clinic's limits for a product so its default applies again (for a product
    /// without a default, it can no longer be charted). Needs an admin.
    @discardableResult
    public mutating func reset(_ product: ToxinProduct, by role: Role) throws(Problem) -> DoseLimitChange {
        try ClinicDoseLimits.requireAdmin(role, product)
        let old = limits(for: product)
        overrides[product] = nil
        return DoseLimitChange(product: product, old: old, new: product.defaultLimits, role: role, raisedAboveDefault: false)
    }

    private static func requireAdmin(_ role: Role, _ product: ToxinProduct) throws(Problem) {
        guard role == .admin else {
            throw Problem(.overrideNotPermitted,
                          "Only an admin may change the dose limits for \(product.rawValue) (not a \(role.rawValue)).")
        }
    }
}
