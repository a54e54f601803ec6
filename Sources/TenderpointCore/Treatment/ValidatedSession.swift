/// A session that passed every rule, with what follows from it.
public struct ValidatedSession: Sendable {
    /// The total dose of the session's one product.
    public let total: ProductDose
    /// How the date relates to the last session (first, allowed, or overridden with its reason).
    public let interval: ReinjectionDecision
    /// Day-8 onset check, week-3 peak review and week-12 reassessment, on open days.
    public let followUpPlan: FollowUpPlan
    /// When the next session may be given.
    public let nextWindow: ReinjectionWindow
}
