/// What a "yes" to a screening item does to the session.
public enum ScreeningEffect: Hashable, Sendable {
    /// No toxin session today.
    case blocks
    /// May go ahead once a clinician acknowledges it.
    case needsAcknowledgement
    /// No session with this product; other products may go ahead.
    case blocksProduct(ToxinProduct)
    /// No effect on the products in question.
    case notApplicable
}
