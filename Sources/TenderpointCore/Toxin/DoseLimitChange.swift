/// What a change to the clinic's dose limits did, for the audit trail.
public struct DoseLimitChange: Hashable, Sendable {
    public let product: ToxinProduct
    /// The limits in force before: the clinic's override, else the product default, else nil.
    public let old: DoseLimits?
    /// The limits in force after; nil when an override was removed from a product with no default.
    public let new: DoseLimits?
    public let role: Role
    /// True when a new value is above the product default, or the product has no default at all:
    /// such a change is flagged for review in the audit.
    public let raisedAboveDefault: Bool

    public init(product: ToxinProduct, old: DoseLimits?, new: DoseLimits?, role: Role, raisedAboveDefault: Bool) {
        self.product = product
        self.old = old
        self.new = new
        self.role = role
        self.raisedAboveDefault = raisedAboveDefault
    }
}
