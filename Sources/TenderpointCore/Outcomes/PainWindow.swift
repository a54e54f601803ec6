/// The stretch of days a response-curve finding needed data from.
public enum PainWindow: String, Codable, Sendable, Hashable {
    /// Days −14 … −1 (or the pre-injection assessment).
    case baseline
    /// Days 1 … 56 after the session, where the peak is sought.
    case afterSession
}
