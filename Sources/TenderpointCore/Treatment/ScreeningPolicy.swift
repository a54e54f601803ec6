/// The effect of each screening item for this clinic: the DOMAIN.md §4 defaults, with only the
/// clinic-policy items (pregnancy) changeable. Label contraindications cannot be weakened.
public struct ScreeningPolicy: Hashable, Sendable {
    private var changed: [ScreeningItem: ScreeningEffect] = [:]

    public init() {}

    /// The defaults of DOMAIN.md §4.
    public static let standard = ScreeningPolicy()

    public static func defaultEffect(of item: ScreeningItem) -> ScreeningEffect {
        switch item {
        case .hypersensitivity, .siteInfection, .neuromuscularDisorder, .pregnant, .under18:
            .blocks
        case .milkProteinAllergy:
            .blocksProduct(.abobotulinumtoxinA)
        case .breastfeeding, .aminoglycosides, .anticoagulants, .dysphagiaOrBreathing, .unresolvedAdverseEvent:
            .needsAcknowledgement
        }
    }

    /// The effect of a "yes" for this clinic.
    public func effect(of item: ScreeningItem) -> ScreeningEffect {
        changed[item] ?? ScreeningPolicy.defaultEffect(of: item)
    }

    /// The effect of a "yes" for a session using `products`: a product-specific block becomes
    /// `blocks` when that product is used and `notApplicable` when it is not.
    public func effect(of item: ScreeningItem, products: Set<ToxinProduct>) -> ScreeningEffect {
        guard case .blocksProduct(let product) = effect(of: item) else { return effect(of: item) }
        return products.contains(product) ? .blocks : .notApplicable
    }

    /// The effects a clinic may choose for a clinic-policy item. Dropping the item altogether is
    /// not offered: a "yes" must at least reach a clinician.
    public static let choicesForClinicPolicy: [ScreeningEffect] = [.blocks, .needsAcknowledgement]

    /// Changes a clinic-policy item (`overrideNotPermitted` for a label item, `valueOutOfRange`
    /// for an effect outside `choicesForClinicPolicy`).
    public mutating func setEffect(_ effect: ScreeningEffect, for item: ScreeningItem) throws(Problem) {
        guard item.isClinicPolicy else {
            throw Problem(.overrideNotPermitted,
                          "\(item.rawValue) is a label contraindication or precaution; its effect cannot be changed.",
                          field: item.field)
        }
        guard ScreeningPolicy.choicesForClinicPolicy.contains(effect) else {
            throw Problem(.valueOutOfRange,
                          "\(item.rawValue) may either block the session or need a clinician's acknowledgement.",
                          field: item.field)
        }
        changed[item] = effect == ScreeningPolicy.defaultEffect(of: item) ? nil : effect
    }
}
