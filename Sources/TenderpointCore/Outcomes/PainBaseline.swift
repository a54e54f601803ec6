/// The pain a session's response is measured against.
public enum PainBaseline: Hashable, Codable, Sendable {
    /// The mean of the daily means on days −14 … −1 before the session (at least 3 days).
    case fourteenDayMean(nrs: Double, daysWithData: Int)
    /// The pre-injection assessment's NRS, used when fewer than 3 of those days have data.
    case preInjectionAssessment(nrs: Double, daysWithData: Int)
    /// Fewer than 3 days with data and no usable pre-injection assessment.
    case notEnoughData(daysWithData: Int)

    public static let windowDays = 14
    public static let minimumDaysWithData = 3

    public var nrs: Double? {
        switch self {
        case .fourteenDayMean(let nrs, _), .preInjectionAssessment(let nrs, _): nrs
        case .notEnoughData: nil
        }
    }

    /// Days in −14 … −1 with data, whichever baseline was used.
    public var daysWithData: Int {
        switch self {
        case .fourteenDayMean(_, let days), .preInjectionAssessment(_, let days), .notEnoughData(let days): days
        }
    }

    /// `dailyNRS` maps days relative to the session to that day's mean score.
    static func from(dailyNRS: [Int: Double], preInjectionAssessmentNRS: Double?) -> PainBaseline {
        let values = (-windowDays ... -1).compactMap { dailyNRS[$0] }
        if values.count >= minimumDaysWithData {
            return .fourteenDayMean(nrs: values.reduce(0, +) / Double(values.count), daysWithData: values.count)
        }
        if let assessment = preInjectionAssessmentNRS, assessment.isFinite, (0...10).contains(assessment) {
            return .preInjectionAssessment(nrs: assessment, daysWithData: values.count)
        }
        return .notEnoughData(daysWithData: values.count)
    }
}

/// Flat JSON for clients: `{"method": "fourteenDayMean", "nrs": 7.5, "daysWithData": 12}`;
/// `nrs` is absent for `notEnoughData`.
extension PainBaseline {
    private enum CodingKeys: String, CodingKey { case method, nrs, daysWithData }
    private enum Method: String, Codable { case fourteenDayMean, preInjectionAssessment, notEnoughData }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let days = try container.decode(Int.self, forKey: .daysWithData)
        switch try container.decode(Method.self, forKey: .method) {
        case .fourteenDayMean: self = .fourteenDayMean(nrs: try container.decode(Double.self, forKey: .nrs), daysWithData: days)
        case .preInjectionAssessment:
            self = .preInjectionAssessment(nrs: try container.decode(Double.self, forKey: .nrs), daysWithData: days)
        case .notEnoughData: self = .notEnoughData(daysWithData: days)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let method: Method = switch self {
        case .fourteenDayMean: .fourteenDayMean
        case .preInjectionAssessment: .preInjectionAssessment
        case .notEnoughData: .notEnoughData
        }
        try container.encode(method, forKey: .method)
        try container.encodeIfPresent(nrs, forKey: .nrs)
        try container.encode(daysWithData, forKey: .daysWithData)
    }
}
