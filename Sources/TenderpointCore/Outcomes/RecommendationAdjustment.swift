/// Whether a recommended re-injection date was moved into the allowed window.
public enum RecommendationAdjustment: String, Codable, Sendable, Hashable {
    /// Predicted wear-off − 7 days already lay in days 84 … 112.
    case none
    /// Raised to day 84: no session may come sooner, however early the benefit wears off.
    case raisedToMinimumInterval
    /// Lowered to day 112, the end of the 12–16-week target window.
    case loweredToTargetWindowEnd
}
